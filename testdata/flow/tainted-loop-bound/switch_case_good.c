/* LED matrix controller: commands arrive as an opcode and an argument */
#include <stdint.h>
#include <unistd.h>

static uint8_t frame[64];

int handle_command(int fd)
{
    uint8_t op;
    uint32_t arg, i;

    if (read(fd, &op, 1) != 1 || read(fd, &arg, sizeof arg) != (ssize_t)sizeof arg)
        return -1;
    switch (op) {
    case 'C':
        for (i = 0; i < sizeof frame; i++)
            frame[i] = 0;
        break;
    case 'B':
        if (arg > 16)
            return -1;
        for (i = 0; i < arg; i++)
            frame[i % sizeof frame] ^= 0xff;
        break;
    default:
        return -1;
    }
    return 0;
}
