/* tunnel endpoint: reads a length-prefixed frame and copies it with its header */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

#define HDR 16

int read_frame(int sock, uint8_t **out)
{
    uint32_t len, need;
    uint8_t *buf = NULL;

    if (recv(sock, &len, sizeof len, MSG_WAITALL) != (ssize_t)sizeof len)
        goto fail;
    need = len + HDR; // flaw
    buf = malloc(need);
    if (!buf)
        goto fail;
    memset(buf, 0, HDR);
    if (recv(sock, buf + HDR, len, MSG_WAITALL) != (ssize_t)len)
        goto fail;
    *out = buf;
    return 0;
fail:
    free(buf);
    return -1;
}
