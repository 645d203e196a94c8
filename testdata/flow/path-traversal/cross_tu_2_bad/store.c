#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "store.h"

int store_upload(const char *name, const char *data, size_t len)
{
    char path[256];
    int fd;

    snprintf(path, sizeof path, "/srv/uploads/%s", name);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0640); // flaw
    if (fd < 0)
        return -1;
    if (write(fd, data, len) != (ssize_t)len) {
        close(fd);
        return -1;
    }
    return close(fd);
}
