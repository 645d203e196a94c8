/* message broker: reads a framed message, keeps it NUL-terminated */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

struct frame_hdr {
    uint16_t type;
    uint16_t flags;
    uint32_t len;
};

char *read_frame(int fd, uint16_t *type)
{
    struct frame_hdr h;
    char *body;

    if (read(fd, &h, sizeof h) != (ssize_t)sizeof h)
        return NULL;
    body = malloc(h.len + 1); // flaw
    if (!body)
        return NULL;
    if (read(fd, body, h.len) != (ssize_t)h.len) {
        free(body);
        return NULL;
    }
    body[h.len] = '\0';
    *type = h.type;
    return body;
}
