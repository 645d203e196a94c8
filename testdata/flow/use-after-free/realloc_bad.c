/* growable buffer: after realloc moves the block, the old pointer is still read */
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
    int c = old[0]; // flaw
    free(nbuf);
    return c;
}
