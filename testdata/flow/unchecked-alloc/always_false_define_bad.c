/* buffer pool: the allocation test is compiled out by a flag set to 0 */
#include <stdlib.h>

#define CHECK_ALLOC 0

struct slot {
    int used;
    char data[60];
};

struct slot *slot_new(void)
{
    struct slot *s = malloc(sizeof *s);

    if (CHECK_ALLOC && s == NULL)
        return NULL;
    s->used = 1; // flaw
    return s;
}
