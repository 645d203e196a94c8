/* main.c: builds a frame header in a 16-byte buffer, passing its own size */
#include <stdio.h>
#include "frame.h"

int main(void)
{
    unsigned char hdr[16];

    frame_header(hdr, sizeof hdr);
    printf("%02x\n", hdr[0]);
    return 0;
}
