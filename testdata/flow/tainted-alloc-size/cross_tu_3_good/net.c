/* replication client: receives records from the primary */
#include <stdlib.h>
#include "proto.h"

void *next_record(int fd, void *buf)
{
    size_t len;

    if (read_record_len(fd, &len) != 0)
        return NULL;
    return grow_buffer(buf, len);
}
