/* pool.c: connection records come from and go back to the heap */
#include <stdlib.h>
#include "conn.h"

struct conn *conn_get(int fd)
{
    struct conn *c = malloc(sizeof *c);

    if (c) {
        c->fd = fd;
        c->bytes = 0;
    }
    return c;
}

void conn_put(struct conn *c)
{
    free(c);
}
