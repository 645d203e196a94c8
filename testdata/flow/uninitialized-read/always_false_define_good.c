/* feature flag: the value is set under a flag that is compiled on */
#include <stdio.h>

#define USE_CACHE 1

int cache_size(void)
{
    int size;

    if (USE_CACHE)
        size = 4096;
    return size;
}
