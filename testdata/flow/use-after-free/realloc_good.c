/* growable buffer: after realloc only the new pointer is read */
#include <stdlib.h>
#include <string.h>

int grow_and_peek(size_t n)
{
    char *old = malloc(16);
    char *nbuf;

    if (!old)
        return -1;
    memset(old, 'a', 16);
    nbuf = realloc(old, n);
    if (!nbuf) {
        free(old);
        return -1;
    }
    int c = nbuf[0];
    free(nbuf);
    return c;
}
