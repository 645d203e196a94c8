/* database file header parser */
#include <unistd.h>
#include "header.h"

int read_header(int fd, struct db_header *h)
{
    if (read(fd, h, sizeof *h) != (ssize_t)sizeof *h)
        return -1;
    if (h->magic != 0x44420001u)
        return -1;
    return 0;
}
