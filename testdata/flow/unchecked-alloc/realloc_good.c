/* line reader: growing the buffer tests the realloc result and keeps the old block on failure */
#include <stdio.h>
#include <stdlib.h>

char *read_line(FILE *in)
{
    size_t cap = 64, len = 0;
    char *buf = malloc(cap);
    int c;

    if (!buf)
        return NULL;
    while ((c = fgetc(in)) != EOF && c != '\n') {
        if (len + 1 == cap) {
            cap *= 2;
        char *p = realloc(buf, cap);

        if (!p) {
            free(buf);
            return NULL;
        }
        buf = p;
        }
        buf[len++] = (char)c;
    }
    buf[len] = '\0';
    return buf;
}
