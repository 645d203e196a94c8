/* database checker: counts empty records */
#include <unistd.h>
#include "header.h"

long count_empty(int fd)
{
    struct db_header h;
    unsigned char rec[32];
    uint32_t i;
    long empty = 0;

    if (read_header(fd, &h) != 0)
        return -1;
    for (i = 0; i < h.records; i++) { // flaw
        if (read(fd, rec, sizeof rec) != (ssize_t)sizeof rec)
            break;
        empty += rec[0] == 0;
    }
    return empty;
}
