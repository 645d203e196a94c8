#ifndef OUT_H
#define OUT_H
#include <stddef.h>
#include <sys/types.h>
ssize_t fd_put(int fd, const char *data, size_t len);
ssize_t http_put_header(int fd, const char *name, const char *value);
#endif
