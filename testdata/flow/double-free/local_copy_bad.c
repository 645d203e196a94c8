/* image loader: the row pointer and the pixel pointer are the same block, both freed */
#include <stdlib.h>

void load_rows(size_t n)
{
    unsigned char *pixels = malloc(n ? n : 1);
    unsigned char *row = pixels;

    if (!pixels)
        return;
    row[0] = 0;
    free(pixels);
    free(row); // flaw
}
