/* sensor gateway: averages the readings of one packet */
#include <stdint.h>
#include <unistd.h>

struct packet {
    uint16_t count;
    uint16_t pad;
    uint32_t sum;
};

int average_reading(int fd, uint32_t *avg)
{
    struct packet pkt;
    uint16_t *samples = &pkt.count;

    if (read(fd, &pkt, sizeof pkt) != (ssize_t)sizeof pkt)
        return -1;
    *avg = pkt.sum / *samples; // flaw
    return 0;
}
