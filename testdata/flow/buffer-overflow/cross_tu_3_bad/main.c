/* main.c: builds a frame header in a 16-byte buffer, passing the full frame size */
#include <stdio.h>
#include "frame.h"

#define FRAME_SIZE 24

int main(void)
{
    unsigned char hdr[16];

    frame_header(hdr, FRAME_SIZE);
    printf("%02x\n", hdr[0]);
    return 0;
}
