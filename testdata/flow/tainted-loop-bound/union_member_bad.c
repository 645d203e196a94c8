/* palette loader: the header is four bytes read as one little-endian entry count */
#include <stdint.h>
#include <stdio.h>

union header {
    uint8_t bytes[4];
    uint32_t count;
};

int load_palette(FILE *f, uint32_t *pal, uint32_t cap)
{
    union header h;
    uint32_t i, rgb;

    if (fread(h.bytes, 1, sizeof h.bytes, f) != sizeof h.bytes)
        return -1;
    for (i = 0; i < h.count; i++) { // flaw
        if (fread(&rgb, sizeof rgb, 1, f) != 1)
            return -1;
        pal[i % cap] = rgb;
    }
    return (int)i;
}
