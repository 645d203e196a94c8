/* packet parser: the release path goes through two helpers, and a heap frame reaches it */
#include <stdlib.h>
#include <string.h>

static void frame_free(unsigned char *f)
{
    free(f);
}

static void frame_done(unsigned char *f, size_t len)
{
    memset(f, 0, len);
    frame_free(f);
}

int parse_packet(const unsigned char *wire, size_t len)
{
    unsigned char *frame;
    int type;

    if (len > 64)
        return -1;
    frame = malloc(64);
    if (!frame)
        return -1;
    memcpy(frame, wire, len);
    type = len ? frame[0] : -1;
    frame_done(frame, len);
    return type;
}
