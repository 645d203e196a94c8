/* wire.c: clears n bytes of an outgoing buffer */
#include <string.h>
#include "frame.h"

void wire_zero(unsigned char *dst, size_t n)
{
    memset(dst, 0, n);
}
