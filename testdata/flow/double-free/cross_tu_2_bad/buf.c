#include <stdlib.h>
#include "buf.h"

char *buf_new(unsigned n)
{
    return calloc(n, 1);
}

void buf_drop(char *b)
{
    free(b);
}
