/* token collector: when realloc fails, the cleanup frees the tokens through the NULL result instead of the old list */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char **add_token(char **list, size_t *n, const char *tok)
{
    char **grown = realloc(list, (*n + 1) * sizeof *grown);

    if (!grown) {
        fprintf(stderr, "add_token: out of memory\n");
        while (*n > 0)
            free(grown[--*n]); // flaw
        free(list);
        return NULL;
    }
    grown[*n] = strdup(tok);
    if (grown[*n])
        (*n)++;
    return grown;
}
