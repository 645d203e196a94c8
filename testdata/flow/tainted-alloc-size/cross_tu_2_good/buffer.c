#include <stdlib.h>
#include "buffer.h"

char *make_buffer(size_t len)
{
    char *b = malloc(len);

    if (b && len > 0)
        b[0] = '\0';
    return b;
}
