/* line buffer: the block is written through a second pointer, never tested */
#include <stdlib.h>
#include <string.h>

char *dup_line(const char *src, size_t n)
{
    char *buf = malloc(n + 1);
    char *cursor = buf;

    memcpy(cursor, src, n); // flaw
    cursor[n] = '\0';
    return buf;
}
