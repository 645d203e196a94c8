/* buffer pool: the allocation test is on (the flag is 1) */
#include <stdlib.h>

#define CHECK_ALLOC 1

struct slot {
    int used;
    char data[60];
};

struct slot *slot_new(void)
{
    struct slot *s = malloc(sizeof *s);

    if (CHECK_ALLOC && s == NULL)
        return NULL;
    s->used = 1;
    return s;
}
