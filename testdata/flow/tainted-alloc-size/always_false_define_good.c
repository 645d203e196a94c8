/* backup agent: chunk size for a transfer, optionally as the client asks */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define TRUST_CLIENT_CHUNK 0
#define DEFAULT_CHUNK 65536u

unsigned char *alloc_chunk(int fd, uint32_t *size_out)
{
    uint32_t asked, size;
    unsigned char *chunk;

    if (read(fd, &asked, sizeof asked) != (ssize_t)sizeof asked)
        return NULL;
    if (TRUST_CLIENT_CHUNK)
        size = asked;
    else
        size = DEFAULT_CHUNK;
    chunk = malloc(size);
    *size_out = size;
    return chunk;
}
