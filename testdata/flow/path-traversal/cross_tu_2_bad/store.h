#ifndef STORE_H
#define STORE_H
#include <stddef.h>
int store_upload(const char *name, const char *data, size_t len);
#endif
