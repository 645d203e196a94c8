#ifndef STR_H
#define STR_H
#include <stddef.h>
char *mem_alloc(size_t n);
char *str_join(const char *a, const char *b);
#endif
