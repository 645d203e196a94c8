#ifndef BUFFER_H
#define BUFFER_H
#include <stddef.h>
char *make_buffer(size_t len);
#endif
