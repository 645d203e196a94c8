/* buffer pool: allocates a scratch buffer and zeroes it */
#include <stdlib.h>
#include <string.h>

char *scratch(size_t n)
{
    char *p = malloc(n);

    if (p == NULL)
        return NULL;
    memset(p, 0, n);
    return p;
}

int main(void)
{
    char *p = scratch(64);
    free(p);
    return 0;
}
