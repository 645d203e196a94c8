#ifndef STORE_H
#define STORE_H
#include <stddef.h>
#include <sys/types.h>
ssize_t raw_put(int fd, const void *data, size_t len);
ssize_t store_put_record(int fd, const char *key, const char *val);
#endif
