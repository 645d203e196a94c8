/* image viewer: loads a raw RGBA image with an 8-byte header */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

unsigned char *load_raw(FILE *fp, uint32_t *w_out, uint32_t *h_out)
{
    uint32_t hdr[2];
    uint32_t width, height;
    unsigned char *pixels;

    if (fread(hdr, sizeof hdr[0], 2, fp) != 2)
        return NULL;
    width = hdr[0];
    height = hdr[1];
    if (width > 8192 || height > 8192)
        return NULL;
    pixels = malloc(width * 4u * height);
    if (!pixels)
        return NULL;
    if (fread(pixels, (size_t)width * 4, height, fp) != height) {
        free(pixels);
        return NULL;
    }
    *w_out = width;
    *h_out = height;
    return pixels;
}
