#include <stdlib.h>
#include "pool.h"

struct item *item_new(int key)
{
    struct item *it = malloc(sizeof *it);

    if (it) {
        it->key = key;
        it->hits = 0;
    }
    return it;
}

void item_put(struct item *it)
{
    free(it);
}
