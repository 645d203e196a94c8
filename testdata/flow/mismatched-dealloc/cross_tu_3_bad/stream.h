#ifndef STREAM_H
#define STREAM_H
#include <stdio.h>
FILE *stream_open_cmd(const char *cmd);
int stream_close(FILE *f);
#endif
