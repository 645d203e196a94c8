#ifndef STRBUF_H
#define STRBUF_H
#include <stddef.h>
char *strbuf_new(size_t cap);
char *header_line(const char *name, const char *value);
#endif
