#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>
#include "table.h"

int read_count(int sock, uint32_t *count)
{
    uint32_t raw;

    if (recv(sock, &raw, sizeof raw, MSG_WAITALL) != (ssize_t)sizeof raw)
        return -1;
    *count = ntohl(raw);
    return 0;
}
