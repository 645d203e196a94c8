/* main.c: a short ack is built in a heap buffer and finished like a body from the allocator */
#include <stdio.h>
#include <stdlib.h>
#include "msg.h"

int send_ack(FILE *out, unsigned seq)
{
    char *ack = malloc(32);
    size_t len;
    int rc;

    if (!ack)
        return -1;
    len = (size_t)snprintf(ack, 32, "ACK %u\r\n", seq);
    rc = fputs(ack, out);
    msg_finish(ack, len);
    return rc;
}
