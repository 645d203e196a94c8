/* cache front end: the item goes back to the pool in another file, then its hit count is read */
#include "pool.h"

int touch(int key)
{
    struct item *it = item_new(key);

    if (!it)
        return -1;
    it->hits++;
    item_put(it);
    return it->hits; // flaw
}
