/* connection pool: conn_finish() hands the connection to conn_reset(), which clears and frees it */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct conn {
    int fd;
    char peer[64];
    unsigned long bytes;
};

static void conn_reset(struct conn *c)
{
    memset(c, 0, sizeof *c);
    free(c);
}

static void conn_finish(struct conn *c)
{
    if (c->fd >= 0)
        close(c->fd);
    conn_reset(c);
}

int conn_serve_once(int fd, const char *peer)
{
    struct conn *c = calloc(1, sizeof *c);

    if (!c)
        return -1;
    c->fd = fd;
    strncpy(c->peer, peer, sizeof c->peer - 1);
    c->bytes = 0;
    conn_finish(c);
    return 0;
}
