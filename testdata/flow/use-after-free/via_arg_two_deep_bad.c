/* message queue: the release goes through two helpers, the caller still reads the payload */
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

    if (!m)
        return -1;
    m->type = 1;
    m->len = 0;
    msg_done(m);
    return m->type; // flaw
}
