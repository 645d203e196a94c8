#include <stdio.h>
#include "out.h"

ssize_t http_put_header(int fd, const char *name, const char *value)
{
    char line[256];
    int len = snprintf(line, sizeof(line), "%s: %s\r\n", name, value);

    if (len < 0 || (size_t)len >= sizeof(line))
        return -1;
    return fd_put(fd, line, (size_t)len);
}
