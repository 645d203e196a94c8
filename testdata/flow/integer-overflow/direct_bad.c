/* tile server: a request names how many 64-byte tiles to send back */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

int send_tiles(int sock)
{
    uint32_t count, i;
    unsigned char *buf;

    if (recv(sock, &count, sizeof count, MSG_WAITALL) != (ssize_t)sizeof count)
        return -1;
    count = ntohl(count);
    buf = malloc(count * 64u); // flaw
    if (!buf)
        return -1;
    for (i = 0; i < count; i++)
        memset(buf + (size_t)i * 64, 0x20, 64);
    send(sock, buf, (size_t)count * 64, 0);
    free(buf);
    return 0;
}
