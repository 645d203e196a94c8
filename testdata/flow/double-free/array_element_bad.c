/* argument vector: the first word is dropped early, and the final cleanup frees it again */
#include <stdlib.h>
#include <string.h>

#define WORDS 3

size_t first_len(const char *word)
{
    char *argv2[WORDS];
    size_t n;
    int i;

    for (i = 0; i < WORDS; i++) {
        argv2[i] = strdup(word);
        if (!argv2[i])
            return 0;
    }
    n = strlen(argv2[0]);
    free(argv2[0]);
    n += strlen(argv2[1]);
    free(argv2[0]); // flaw
    free(argv2[1]);
    free(argv2[2]);
    return n;
}
