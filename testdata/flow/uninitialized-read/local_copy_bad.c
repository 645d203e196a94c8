/* decoder: a copy of the pointer to a fresh block is read before anything is stored */
#include <stdlib.h>

int first_byte(void)
{
    unsigned char *block = malloc(32);
    unsigned char *cursor;
    int b;

    if (block == NULL)
        return -1;
    cursor = block;
    b = cursor[0]; // flaw
    free(block);
    return b;
}
