/* main.c: a finished transfer logs the byte count, then drops its connection */
#include <stdio.h>
#include <unistd.h>
#include "conn.h"

int transfer(int fd, const char *data, size_t len)
{
    struct conn *c = conn_get(fd);
    ssize_t n;

    if (!c)
        return -1;
    n = write(c->fd, data, len);
    if (n > 0)
        c->bytes += (unsigned long)n;
    printf("sent %lu bytes\n", c->bytes);
    conn_drop(c);
    return n < 0 ? -1 : 0;
}
