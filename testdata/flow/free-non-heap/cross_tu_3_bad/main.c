/* main.c: a short ack is built in a stack buffer and finished like a body from the allocator */
#include <stdio.h>
#include "msg.h"

int send_ack(FILE *out, unsigned seq)
{
    char ack[32];
    size_t len;
    int rc;

    len = (size_t)snprintf(ack, sizeof ack, "ACK %u\r\n", seq);
    rc = fputs(ack, out);
    msg_finish(ack, len); // flaw
    return rc;
}
