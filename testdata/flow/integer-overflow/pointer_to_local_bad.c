/* font cache: a client uploads a strip of 32x32 8-bit glyphs */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define GLYPH_BYTES (32u * 32u)

unsigned char *load_glyphs(int fd, uint32_t *count_out)
{
    uint32_t count;
    const uint32_t *pc = &count;
    unsigned char *strip;

    if (read(fd, &count, sizeof count) != (ssize_t)sizeof count)
        return NULL;
    strip = malloc(*pc * GLYPH_BYTES); // flaw
    if (!strip)
        return NULL;
    if (read(fd, strip, (size_t)count * GLYPH_BYTES) < 0) {
        free(strip);
        return NULL;
    }
    *count_out = count;
    return strip;
}
