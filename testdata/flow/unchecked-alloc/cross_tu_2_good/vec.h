#ifndef VEC_H
#define VEC_H
#include <stddef.h>
struct vec {
    size_t len, cap;
    int *items;
};
struct vec *vec_new(size_t cap);
#endif
