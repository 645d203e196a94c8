#ifndef FRAME_H
#define FRAME_H
#include <stddef.h>
void wire_zero(unsigned char *dst, size_t n);
void frame_header(unsigned char *hdr, size_t len);
#endif
