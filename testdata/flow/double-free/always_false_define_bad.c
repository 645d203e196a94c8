/* scratch area: with STRICT on, the early release always runs before the final one */
#include <stdlib.h>
#include <string.h>

#define STRICT 1

int scratch(const char *s)
{
    char *tmp = strdup(s);
    int n;

    if (!tmp)
        return -1;
    n = (int)strlen(tmp);
    if (STRICT)
        free(tmp);
    free(tmp); // flaw
    return n;
}
