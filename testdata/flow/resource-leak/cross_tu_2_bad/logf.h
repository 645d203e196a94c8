#ifndef LOGF_H
#define LOGF_H
#include <stdio.h>
FILE *log_open(const char *dir);
void log_close(FILE *f);
#endif
