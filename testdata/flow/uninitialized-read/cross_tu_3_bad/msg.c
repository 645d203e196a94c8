/* msg.c: a new message takes a block from the pool and sets its type */
#include "msg.h"

struct msg *msg_new(unsigned short type)
{
    struct msg *m = pool_get(sizeof *m);

    if (m != NULL)
        m->type = type;
    return m;
}
