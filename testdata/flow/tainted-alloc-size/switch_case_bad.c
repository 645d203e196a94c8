/* key-value store: a request has an opcode byte and a 32-bit value length */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

int handle_request(int fd)
{
    uint8_t op;
    uint32_t vlen;
    char *val;

    if (read(fd, &op, 1) != 1 || read(fd, &vlen, sizeof vlen) != (ssize_t)sizeof vlen)
        return -1;
    switch (op) {
    case 'G':
        return 0;
    case 'S':
        val = malloc(vlen); // flaw
        if (!val)
            return -1;
        if (read(fd, val, vlen) != (ssize_t)vlen) {
            free(val);
            return -1;
        }
        free(val);
        return 0;
    default:
        return -1;
    }
}
