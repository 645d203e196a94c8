/* main.c: a finished transfer drops its connection, then logs the byte count from it */
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
    conn_drop(c);
    printf("sent %lu bytes\n", c->bytes); // flaw
    return n < 0 ? -1 : 0;
}
