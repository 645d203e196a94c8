#ifndef SPOOL_H
#define SPOOL_H
#include <stdio.h>
FILE *spool_open(const char *dir, const char *name);
FILE *job_create(const char *dir, int id);
#endif
