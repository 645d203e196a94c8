/* strbuf.c: a zeroed heap string of a given capacity */
#include <stdlib.h>
#include "strbuf.h"

char *strbuf_new(size_t cap)
{
    return calloc(1, cap ? cap : 1);
}
