/* backup receiver: stores a file under the name sent by the client */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct upload_hdr {
    uint32_t size;
    char name[60];
};

int open_upload(int sock)
{
    struct upload_hdr h;
    char path[128];

    if (read(sock, &h, sizeof h) != (ssize_t)sizeof h)
        return -1;
    h.name[sizeof h.name - 1] = '\0';
    snprintf(path, sizeof path, "/srv/backups/%s", h.name);
    return open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600); // flaw
}
