/* audio mixer: allocates the mix buffer for the channel count a client sends */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define FRAMES 1024u

int16_t *alloc_mix(int fd, uint32_t *channels_out)
{
    uint32_t channels;

    if (read(fd, &channels, sizeof channels) != (ssize_t)sizeof channels)
        return NULL;
    if (5 == 5) {
        *channels_out = channels;
        return malloc(channels * FRAMES * 2u); // flaw
    }
    *channels_out = 2;
    return malloc(2 * FRAMES * 2u);
}
