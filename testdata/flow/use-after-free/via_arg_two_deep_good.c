/* message queue: the payload is read before the two-level release */
#include <stdlib.h>

struct msg {
    int type;
    int len;
};

static void msg_release(struct msg *m)
{
    free(m);
}

static void msg_done(struct msg *m)
{
    msg_release(m);
}

int process(void)
{
    struct msg *m = malloc(sizeof *m);
    int type;

    if (!m)
        return -1;
    m->type = 1;
    m->len = 0;
    type = m->type;
    msg_done(m);
    return type;
}
