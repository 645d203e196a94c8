/* parser state: the error path frees the token buffer once and clears the field */
#include <stdlib.h>
#include <string.h>

struct parser {
    char *tok;
    int depth;
};

int parse_word(struct parser *p, const char *w)
{
    p->tok = strdup(w);
    if (!p->tok)
        return -1;
    if (strlen(p->tok) > 32) {
        free(p->tok);
        p->tok = NULL;
        p->depth = 0;
        free(p->tok);
        return -1;
    }
    p->depth++;
    return 0;
}
