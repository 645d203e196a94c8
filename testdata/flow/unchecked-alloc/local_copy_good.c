/* line buffer: the copy of the pointer is tested before anything is written */
#include <stdlib.h>
#include <string.h>

char *dup_line(const char *src, size_t n)
{
    char *buf = malloc(n + 1);
    char *cursor = buf;

    if (!cursor)
        return NULL;
    memcpy(cursor, src, n);
    cursor[n] = '\0';
    return buf;
}
