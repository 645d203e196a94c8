/* main.c: the scratch header stays on the stack and is not given to the pool */
#include <string.h>
#include "pool.h"

struct header {
    unsigned magic;
    unsigned len;
};

int check_header(const unsigned char *raw)
{
    struct header h;
    int ok;

    memcpy(&h, raw, sizeof h);
    ok = h.magic == 0xfeedu;
    return ok;
}
