/* cache: with KEEP_CACHE on the release branch is dead and the entry is freed after the read */
#include <stdlib.h>

#define KEEP_CACHE 1

int cached_value(void)
{
    int *entry = malloc(sizeof *entry);
    int v;

    if (!entry)
        return -1;
    *entry = 42;
    if (!KEEP_CACHE)
        free(entry);
    v = *entry;
    free(entry);
    return v;
}
