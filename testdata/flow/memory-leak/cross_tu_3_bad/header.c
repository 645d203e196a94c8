/* header.c: formats "Name: value" into a fresh string */
#include <stdio.h>
#include <string.h>
#include "strbuf.h"

char *header_line(const char *name, const char *value)
{
    size_t n = strlen(name) + strlen(value) + 3;
    char *s = strbuf_new(n);

    if (!s)
        return NULL;
    snprintf(s, n, "%s: %s", name, value);
    return s;
}
