/* mail filter: the milter-like protocol prefixes each body chunk with its size */
#include <stdint.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include <unistd.h>

#define MAX_CHUNK 65535u

static uint32_t chunk_size(int fd)
{
    uint32_t len;

    if (read(fd, &len, sizeof len) != (ssize_t)sizeof len)
        return 0;
    return ntohl(len);
}

char *next_chunk(int fd, uint32_t *len_out)
{
    uint32_t len = chunk_size(fd);
    char *chunk;

    if (len == 0)
        return NULL;
    chunk = malloc(len); // flaw
    if (chunk && read(fd, chunk, len) != (ssize_t)len) {
        free(chunk);
        return NULL;
    }
    *len_out = len;
    return chunk;
}
