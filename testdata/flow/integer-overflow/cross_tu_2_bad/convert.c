/* ppm to grey converter */
#include <stdio.h>
#include <stdlib.h>
#include "ppm.h"

unsigned char *load_ppm(FILE *fp, unsigned int *w, unsigned int *h)
{
    unsigned char *rgb;

    if (ppm_read_size(fp, w, h) != 0)
        return NULL;
    rgb = malloc(*w * *h * 3u); // flaw
    if (rgb && fread(rgb, 3, (size_t)*w * *h, fp) != (size_t)*w * *h) {
        free(rgb);
        rgb = NULL;
    }
    return rgb;
}
