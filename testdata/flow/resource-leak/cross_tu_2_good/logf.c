/* logf.c: opens the daily log in a directory, and closes it */
#include <stdio.h>
#include "logf.h"

FILE *log_open(const char *dir)
{
    char path[256];

    snprintf(path, sizeof path, "%s/daily.log", dir);
    return fopen(path, "a");
}

void log_close(FILE *f)
{
    fclose(f);
}
