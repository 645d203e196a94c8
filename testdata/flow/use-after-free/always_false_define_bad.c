/* cache: with KEEP_CACHE off the entry is released before the lookup reads it */
#include <stdlib.h>

#define KEEP_CACHE 0

int cached_value(void)
{
    int *entry = malloc(sizeof *entry);

    if (!entry)
        return -1;
    *entry = 42;
    if (!KEEP_CACHE)
        free(entry);
    return *entry; // flaw
}
