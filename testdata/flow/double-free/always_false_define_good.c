/* scratch area: with STRICT off, the early release is dead code */
#include <stdlib.h>
#include <string.h>

#define STRICT 0

int scratch(const char *s)
{
    char *tmp = strdup(s);
    int n;

    if (!tmp)
        return -1;
    n = (int)strlen(tmp);
    if (STRICT)
        free(tmp);
    free(tmp);
    return n;
}
