#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>
#include "meter.h"

int read_sample(int sock, struct sample *s)
{
    uint32_t raw[2];

    if (recv(sock, raw, sizeof raw, MSG_WAITALL) != (ssize_t)sizeof raw)
        return -1;
    s->bytes = ntohl(raw[0]);
    s->seconds = ntohl(raw[1]);
    if (s->seconds == 0)
        return -1;
    return 0;
}
