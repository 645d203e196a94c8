#include <stdlib.h>
#include "proto.h"

void *grow_buffer(void *buf, size_t len)
{
    void *p = realloc(buf, len);

    if (!p)
        free(buf);
    return p;
}
