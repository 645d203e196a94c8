/* feature flag: the value is only set under a flag that is compiled off */
#include <stdio.h>

#define USE_CACHE 0

int cache_size(void)
{
    int size;

    if (USE_CACHE)
        size = 4096;
    return size; // flaw
}
