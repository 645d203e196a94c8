/* growable buffer: realloc moves the block, the moved block is freed */
#include <stdlib.h>
#include <string.h>

int append_twice(const char *s)
{
    size_t n = strlen(s);
    char *buf = malloc(n + 1), *grown;

    if (!buf)
        return -1;
    memcpy(buf, s, n + 1);
    grown = realloc(buf, 2 * n + 1);
    if (!grown) {
        free(buf);
        return -1;
    }
    memcpy(grown + n, s, n + 1);
    n = strlen(grown);
    free(grown);
    return (int)n;
}
