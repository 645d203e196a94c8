#ifndef TOOLS_H
#define TOOLS_H
extern const char compressor[];
int compress_file(const char *file);
#endif
