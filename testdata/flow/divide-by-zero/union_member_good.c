/* sensor gateway: a frame holds a 16-bit reading and a 16-bit scale divisor */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

union frame {
    uint8_t bytes[4];
    uint16_t half[2];
};

int read_scaled(int fd, int *out)
{
    union frame fr;

    if (read(fd, fr.bytes, sizeof fr.bytes) != (ssize_t)sizeof fr.bytes)
        return -1;
    if (fr.half[1] == 0)
        return -1;
    *out = fr.half[0] / fr.half[1];
    return 0;
}

int main(void)
{
    int v;

    while (read_scaled(0, &v) == 0)
        printf("%d\n", v);
    return 0;
}
