/* decoder: a copy of the pointer to a block written through the original first */
#include <stdlib.h>

int first_byte(void)
{
    unsigned char *block = malloc(32);
    unsigned char *cursor;
    int b;

    if (block == NULL)
        return -1;
    block[0] = 7;
    cursor = block;
    b = cursor[0];
    free(block);
    return b;
}
