/* main.c: sends one header line and frees the string */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "strbuf.h"

int send_header(int fd, const char *name, const char *value)
{
    char *line = header_line(name, value);
    ssize_t n;

    if (!line)
        return -1;
    n = write(fd, line, strlen(line));
    free(line);
    return n < 0 ? -1 : 0;
}
