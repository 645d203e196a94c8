/* upload handler: a rejected chunk is freed and cleared, and the size log tests it first */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int store_chunk(const char *data, size_t limit)
{
    char *chunk = strdup(data);
    size_t n;

    if (!chunk)
        return -1;
    n = strlen(chunk);
    if (n > limit) {
        fprintf(stderr, "chunk too large\n");
        free(chunk);
        chunk = NULL;
    }
    if (chunk)
        printf("chunk: %s\n", chunk);
    free(chunk);
    return n > limit ? -1 : 0;
}
