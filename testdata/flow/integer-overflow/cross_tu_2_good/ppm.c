/* netpbm header parser */
#include <stdio.h>
#include "ppm.h"

int ppm_read_size(FILE *fp, unsigned int *w, unsigned int *h)
{
    unsigned int maxval;

    if (fscanf(fp, "P6 %u %u %u", w, h, &maxval) != 3)
        return -1;
    if (maxval != 255 || *w > 16384 || *h > 16384)
        return -1;
    fgetc(fp);
    return 0;
}
