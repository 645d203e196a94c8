/* two scratch blocks of different sizes kept in an array: the small one is cleared with the large size */
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
    memset(scratch[0], 0, 64); // flaw
    free(scratch[0]);
    free(scratch[1]);
    return 0;
}
