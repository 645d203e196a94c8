#ifndef HEADER_H
#define HEADER_H
#include <stdint.h>
struct db_header {
    uint32_t magic;
    uint32_t records;
};
int read_header(int fd, struct db_header *h);
#endif
