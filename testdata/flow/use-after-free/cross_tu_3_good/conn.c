/* conn.c: dropping a connection closes its socket and returns the record to the pool */
#include <unistd.h>
#include "conn.h"

void conn_drop(struct conn *c)
{
    if (c->fd >= 0)
        close(c->fd);
    conn_put(c);
}
