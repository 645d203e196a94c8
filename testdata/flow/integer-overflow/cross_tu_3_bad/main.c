/* replication peer: receives a table of key/value entries from the primary */
#include <stdlib.h>
#include <sys/types.h>
#include <sys/socket.h>
#include "table.h"

int receive_table(int sock)
{
    uint32_t count;
    struct entry *t;
    ssize_t got;

    if (read_count(sock, &count) != 0)
        return -1;
    t = make_table(count);
    if (!t)
        return -1;
    got = recv(sock, t, (size_t)count * sizeof *t, MSG_WAITALL);
    free(t);
    return got < 0 ? -1 : 0;
}
