/* radio telemetry decoder: a frame is a 32-bit length then the payload */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define HEADER_LEN 12u

union word {
    uint32_t u;
    unsigned char b[4];
};

int copy_payload(FILE *fp, unsigned char *dst, size_t dstlen)
{
    unsigned char frame[512];
    union word w;

    if (fread(w.b, 1, sizeof w.b, fp) != sizeof w.b)
        return -1;
    if (w.u < HEADER_LEN || w.u > sizeof frame || fread(frame, 1, w.u, fp) != w.u)
        return -1;
    if (dstlen < sizeof frame)
        return -1;
    memcpy(dst, frame + HEADER_LEN, w.u - HEADER_LEN);
    return 0;
}
