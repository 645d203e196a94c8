/* volume viewer: the scan header gives width, height and slice count */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_DIM 4096u

float *alloc_slice(FILE *fp, uint32_t dims[3])
{
    if (fread(dims, sizeof dims[0], 3, fp) != 3)
        return NULL;
    if (dims[2] == 0 || dims[2] > MAX_DIM)
        return NULL;
    return malloc(dims[0] * dims[1] * sizeof(float)); // flaw
}
