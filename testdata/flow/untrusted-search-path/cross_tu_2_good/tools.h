#ifndef TOOLS_H
#define TOOLS_H
extern const char *const image_converter;
#endif
