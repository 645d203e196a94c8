/* cache warmup: the unchecked fill sits behind a condition that always holds */
#include <stdlib.h>
#include <string.h>

char *cache_warm(size_t n)
{
    char *c = malloc(n);

    if (5 == 5)
        memset(c, 0xff, n); // flaw
    return c;
}
