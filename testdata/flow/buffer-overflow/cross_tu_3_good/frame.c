/* frame.c: a frame header is cleared, then tagged with its version */
#include "frame.h"

void frame_header(unsigned char *hdr, size_t len)
{
    wire_zero(hdr, len);
    hdr[0] = 2;
}
