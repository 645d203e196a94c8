/* stream encoder: bitrate per frame, from the default or the stream header */
#include <stdio.h>
#include <unistd.h>

static int use_default_rate(void)
{
    return 0;
}

int frame_bytes(int fd, int bitrate)
{
    unsigned char hdr[2];
    int fps;

    if (use_default_rate()) {
        fps = 25;
    } else {
        if (read(fd, hdr, sizeof hdr) != (ssize_t)sizeof hdr)
            return -1;
        fps = hdr[0];
    }
    return bitrate / 8 / fps; // flaw
}
