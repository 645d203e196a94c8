/* main.c: the vector from another file is tested before use */
#include <stdlib.h>
#include "vec.h"

int count_into(const int *src, size_t n)
{
    struct vec *v = vec_new(n);
    if (!v)
        return -1;
    for (size_t i = 0; i < n; i++)
        v->items[v->len++] = src[i];
    free(v->items);
    free(v);
    return 0;
}
