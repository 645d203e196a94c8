#include <stdint.h>
#include <unistd.h>
#include <arpa/inet.h>
#include "proto.h"

int read_record_len(int fd, size_t *len)
{
    uint32_t v;

    if (read(fd, &v, sizeof v) != (ssize_t)sizeof v)
        return -1;
    if (ntohl(v) > (8u << 20))
        return -1;
    *len = ntohl(v);
    return 0;
}
