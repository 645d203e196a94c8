/* cache front end: the hit count is read before the item goes back to the pool */
#include "pool.h"

int touch(int key)
{
    struct item *it = item_new(key);
    int hits;

    if (!it)
        return -1;
    it->hits++;
    hits = it->hits;
    item_put(it);
    return hits;
}
