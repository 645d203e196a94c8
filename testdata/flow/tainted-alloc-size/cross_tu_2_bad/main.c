/* filter tool: stdin holds a 32-bit length and then that many bytes */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "buffer.h"

int main(void)
{
    uint32_t len;
    char *buf;
    ssize_t got;

    if (read(0, &len, sizeof len) != (ssize_t)sizeof len)
        return 1;
    buf = make_buffer(len);
    if (!buf)
        return 1;
    got = read(0, buf, len);
    printf("read %zd bytes\n", got);
    free(buf);
    return 0;
}
