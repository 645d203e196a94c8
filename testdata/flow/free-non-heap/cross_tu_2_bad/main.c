/* main.c: a scratch header on the stack is given to the pool's release helper */
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
    pool_release(&h); // flaw
    return ok;
}
