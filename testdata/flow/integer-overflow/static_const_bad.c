/* metrics collector: a batch of 8-byte samples per datagram */
#include <stdint.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

static const uint32_t max_samples = 1u << 30;

uint64_t *recv_batch(int sock, uint32_t *count)
{
    uint32_t n;
    uint64_t *v;

    if (recvfrom(sock, &n, sizeof n, 0, NULL, NULL) != (ssize_t)sizeof n)
        return NULL;
    n = ntohl(n);
    if (n == 0 || n > max_samples)
        return NULL;
    v = malloc(n * 8u); // flaw
    if (v && recvfrom(sock, v, (size_t)n * 8, 0, NULL, NULL) < 0) {
        free(v);
        return NULL;
    }
    *count = n;
    return v;
}
