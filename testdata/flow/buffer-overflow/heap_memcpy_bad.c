/* a 16-byte record buffer on the heap receives a length checked against 32 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *read_record(int fd, const char *src)
{
    size_t n;
    char *rec = malloc(16);

    if (!rec)
        return NULL;
    if (read(fd, &n, sizeof n) != (ssize_t)sizeof n || n >= 32) {
        free(rec);
        return NULL;
    }
    memcpy(rec, src, n); // flaw
    return rec;
}
