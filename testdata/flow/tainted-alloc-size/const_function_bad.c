/* image service: buffer for a thumbnail, sized by the request or fixed */
#include <stdint.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

static int fixed_thumbnail_size(void)
{
    return 0;
}

unsigned char *thumb_buffer(int sock, uint32_t *size_out)
{
    uint32_t size = 128u * 128u * 3u;
    uint32_t asked;

    if (recv(sock, &asked, sizeof asked, MSG_WAITALL) != (ssize_t)sizeof asked)
        return NULL;
    if (!fixed_thumbnail_size())
        size = ntohl(asked);
    *size_out = size;
    return malloc(size); // flaw
}
