/* two scratch blocks of different sizes kept in an array: each is cleared with its own size */
#include <stdlib.h>
#include <string.h>

int scratch_setup(void)
{
    char *scratch[2];

    scratch[0] = malloc(16);
    scratch[1] = malloc(64);
    if (scratch[0] == NULL || scratch[1] == NULL) {
        free(scratch[0]);
        free(scratch[1]);
        return -1;
    }
    memset(scratch[1], 0, 64);
    memset(scratch[0], 0, 16);
    free(scratch[0]);
    free(scratch[1]);
    return 0;
}
