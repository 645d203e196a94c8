/* video encoder: reads the frame-rate fraction from a stream header */
#include <stdint.h>
#include <unistd.h>

struct stream_header {
    uint32_t frames;
    uint32_t rate_num;
    uint32_t rate_den;
};

int duration_ms(int fd, uint64_t *ms)
{
    struct stream_header h;

    if (read(fd, &h, sizeof h) != (ssize_t)sizeof h)
        return -1;
    if (h.rate_den == 0 || h.rate_num == 0)
        return -1;
    *ms = (uint64_t)h.frames * 1000u * h.rate_den / h.rate_num;
    return 0;
}
