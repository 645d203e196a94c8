#ifndef ARCHIVE_H
#define ARCHIVE_H
#include <stdio.h>
FILE *archive_open(const char *name);
void archive_discard(void *mem);
#endif
