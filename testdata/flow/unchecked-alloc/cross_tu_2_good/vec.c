/* vec.c: a vector allocator that returns NULL when memory runs out */
#include <stdlib.h>
#include "vec.h"

struct vec *vec_new(size_t cap)
{
    struct vec *v = malloc(sizeof *v);
    if (!v)
        return NULL;
    v->items = calloc(cap, sizeof(int));
    if (!v->items) {
        free(v);
        return NULL;
    }
    v->len = 0;
    v->cap = cap;
    return v;
}
