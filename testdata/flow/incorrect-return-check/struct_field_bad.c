/* upload client: sends a file block and keeps the outcome in the transfer record */
#include <stdio.h>
#include <sys/socket.h>
#include <sys/types.h>

struct transfer {
    int sock;
    size_t offset;
    ssize_t last;
};

int send_block(struct transfer *tr, const char *data, size_t len)
{
    tr->last = send(tr->sock, data, len, 0);
    if (tr->last == 0) // flaw
        return -1;
    tr->offset += (size_t)tr->last;
    return 0;
}

int main(void)
{
    struct transfer tr = {3, 0, 0};
    if (send_block(&tr, "chunk", 5) != 0)
        return 1;
    printf("%zu bytes sent\n", tr.offset);
    return 0;
}
