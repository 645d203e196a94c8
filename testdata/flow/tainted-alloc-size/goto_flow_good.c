/* RPC client: reads a length-prefixed reply */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

unsigned char *read_answer(int fd, uint32_t *len_out)
{
    unsigned char lenbuf[4];
    unsigned char *msg = NULL;
    uint32_t len;

    if (read(fd, lenbuf, 4) != 4)
        goto fail;
    len = (uint32_t)lenbuf[0] << 24 | (uint32_t)lenbuf[1] << 16 | (uint32_t)lenbuf[2] << 8 | lenbuf[3];
    if (len == 0 || len > 512)
        goto fail;
    msg = malloc(len);
    if (!msg || read(fd, msg, len) != (ssize_t)len)
        goto fail;
    *len_out = len;
    return msg;
fail:
    free(msg);
    return NULL;
}
