/* telemetry sink: each record starts with a 32-bit payload length */
#include <stdint.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/socket.h>

static const uint32_t max_payload = 65536;

int take_record(int sock)
{
    uint32_t len;
    unsigned char *payload;
    ssize_t got;

    if (recv(sock, &len, sizeof len, MSG_WAITALL) != (ssize_t)sizeof len)
        return -1;
    if (len > max_payload)
        return -1;
    payload = malloc(len);
    if (!payload)
        return -1;
    got = recv(sock, payload, len, MSG_WAITALL);
    free(payload);
    return got == (ssize_t)len ? 0 : -1;
}
