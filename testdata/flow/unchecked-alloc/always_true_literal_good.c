/* cache warmup: the unchecked fill sits behind a condition that never holds */
#include <stdlib.h>
#include <string.h>

char *cache_warm(size_t n)
{
    char *c = malloc(n);

    if (5 == 6)
        memset(c, 0xff, n);
    return c;
}
