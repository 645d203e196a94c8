/* font loader: the glyph table count is in the file header */
#include <stdint.h>
#include <stdio.h>

struct glyph {
    uint16_t code;
    uint16_t width;
};

int count_wide(FILE *fp)
{
    uint32_t nglyphs;
    uint32_t *limit = &nglyphs;
    struct glyph g;
    int wide = 0;
    unsigned i;

    if (fread(&nglyphs, sizeof nglyphs, 1, fp) != 1)
        return -1;
    if (*limit > 256)
        *limit = 256;
    for (i = 0; i < *limit; i++) {
        if (fread(&g, sizeof g, 1, fp) != 1)
            break;
        if (g.width > 16)
            wide++;
    }
    return wide;
}
