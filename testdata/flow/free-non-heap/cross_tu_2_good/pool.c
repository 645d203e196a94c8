/* pool.c: a release helper that frees the block it is given */
#include <stdlib.h>
#include "pool.h"

void pool_release(void *block)
{
    free(block);
}
