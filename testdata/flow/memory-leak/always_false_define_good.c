/* cache: the free of the scratch block sits behind a debug switch that is compiled on */
#include <stdlib.h>
#include <string.h>

#define KEEP_SCRATCH 0

int checksum(const unsigned char *data, size_t n)
{
    unsigned char *scratch = malloc(n);
    int sum = 0;

    if (!scratch)
        return -1;
    memcpy(scratch, data, n);
    for (size_t i = 0; i < n; i++)
        sum += scratch[i];
    if (!KEEP_SCRATCH)
        free(scratch);
    return sum;
}
