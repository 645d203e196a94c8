/* archive reader: the header holds the sizes of its four sections */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_SECTION (16u << 20)

void *load_index(FILE *fp)
{
    uint32_t sizes[4];
    void *index;

    if (fread(sizes, sizeof sizes[0], 4, fp) != 4)
        return NULL;
    if (sizes[2] > MAX_SECTION)
        return NULL;
    index = malloc(sizes[2]);
    if (index && fread(index, 1, sizes[2], fp) != sizes[2]) {
        free(index);
        index = NULL;
    }
    return index;
}
