#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>
#include "batch.h"

int read_batch_size(int sock, uint32_t *n)
{
    uint32_t raw;

    if (recv(sock, &raw, sizeof raw, MSG_WAITALL) != (ssize_t)sizeof raw)
        return -1;
    *n = ntohl(raw);
    if (*n > 1024)
        return -1;
    return 0;
}
