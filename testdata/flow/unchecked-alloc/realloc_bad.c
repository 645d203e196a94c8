/* line reader: growing the buffer writes through the realloc result without a test */
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
        buf = realloc(buf, cap);
        }
        buf[len++] = (char)c; // flaw
    }
    buf[len] = '\0';
    return buf;
}
