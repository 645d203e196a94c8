#ifndef PROTO_H
#define PROTO_H
#include <stddef.h>
int read_record_len(int fd, size_t *len);
void *grow_buffer(void *buf, size_t len);
#endif
