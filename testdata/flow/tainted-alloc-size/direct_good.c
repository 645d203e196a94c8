/* key-value server: each request starts with the value length */
#include <stdint.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

#define MAX_VALUE (1u << 20)

char *recv_value(int sock, uint32_t *len_out)
{
    uint32_t len;
    char *val;

    if (recv(sock, &len, sizeof len, MSG_WAITALL) != (ssize_t)sizeof len)
        return NULL;
    len = ntohl(len);
    if (len > MAX_VALUE)
        len = MAX_VALUE;
    val = malloc(len);
    if (!val)
        return NULL;
    if (recv(sock, val, len, MSG_WAITALL) != (ssize_t)len) {
        free(val);
        return NULL;
    }
    *len_out = len;
    return val;
}
