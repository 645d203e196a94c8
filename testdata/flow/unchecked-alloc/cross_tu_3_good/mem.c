/* mem.c: the project allocator, which returns NULL when memory runs out */
#include <stdlib.h>
#include "str.h"

char *mem_alloc(size_t n)
{
    if (n == 0)
        n = 1;
    return malloc(n);
}
