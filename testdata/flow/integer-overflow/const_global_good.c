/* map tile cache: the index file lists how many tiles follow */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct tile_ref {
    uint32_t x, y, zoom, offset;
};

int g_strict_index = 1;

struct tile_ref *load_index(FILE *fp, int32_t *count_out)
{
    int32_t count;
    struct tile_ref *refs;

    if (fread(&count, sizeof count, 1, fp) != 1 || count <= 0)
        return NULL;
    if (g_strict_index && count > 1000000)
        return NULL;
    refs = malloc((size_t)(count * (int32_t)sizeof *refs));
    if (refs && fread(refs, sizeof *refs, (size_t)count, fp) != (size_t)count) {
        free(refs);
        return NULL;
    }
    *count_out = count;
    return refs;
}
