/* image viewer: loads a raw RGBA image whose header gives width and height */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint8_t *alloc_pixels(uint32_t w, uint32_t h)
{
    return malloc(w * h * 4u); // flaw
}

static uint8_t *load_image(FILE *f, uint32_t w, uint32_t h)
{
    uint8_t *px = alloc_pixels(w, h);

    if (px && fread(px, 4, (size_t)w * h, f) != (size_t)w * h) {
        free(px);
        return NULL;
    }
    return px;
}

int main(int argc, char **argv)
{
    uint32_t hdr[2];
    uint8_t *px;
    FILE *f;

    if (argc != 2 || !(f = fopen(argv[1], "rb")))
        return 1;
    if (fread(hdr, sizeof hdr[0], 2, f) != 2) {
        fclose(f);
        return 1;
    }
    px = load_image(f, hdr[0], hdr[1]);
    fclose(f);
    free(px);
    return px ? 0 : 1;
}
