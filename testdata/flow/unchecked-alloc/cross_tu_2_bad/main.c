/* main.c: the vector from another file is used without a test */
#include <stdlib.h>
#include "vec.h"

int count_into(const int *src, size_t n)
{
    struct vec *v = vec_new(n);
    for (size_t i = 0; i < n; i++)
        v->items[v->len++] = src[i]; // flaw
    free(v->items);
    free(v);
    return 0;
}
