/* image loader: the row pointer is an alias; only the owner frees the block */
#include <stdlib.h>

void load_rows(size_t n)
{
    unsigned char *pixels = malloc(n ? n : 1);
    unsigned char *row = pixels;

    if (!pixels)
        return;
    row[0] = 0;
    free(pixels);
    row = NULL;
}
