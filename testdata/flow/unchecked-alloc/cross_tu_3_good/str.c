/* str.c: joining two strings into a block from the project allocator */
#include <string.h>
#include "str.h"

char *str_join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = mem_alloc(la + lb + 1);

    if (!s)
        return NULL;
    memcpy(s, a, la);
    memcpy(s + la, b, lb + 1);
    return s;
}
