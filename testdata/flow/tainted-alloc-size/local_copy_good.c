/* RPC server: reads the argument blob that follows the call header */
#include <stdint.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

#define MAX_ARGS_BYTES (256u * 1024u)

void *recv_args(int sock, size_t *len_out)
{
    uint32_t wire_len;
    size_t want;
    void *args;

    if (recv(sock, &wire_len, sizeof wire_len, MSG_WAITALL) != (ssize_t)sizeof wire_len)
        return NULL;
    want = ntohl(wire_len);
    if (want == 0 || want > MAX_ARGS_BYTES)
        return NULL;
    args = malloc(want);
    if (!args)
        return NULL;
    if (recv(sock, args, want, MSG_WAITALL) != (ssize_t)want) {
        free(args);
        return NULL;
    }
    *len_out = want;
    return args;
}
