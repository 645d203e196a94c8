/* spool.c: opens a file in the spool directory for writing */
#include <stdio.h>
#include "spool.h"

FILE *spool_open(const char *dir, const char *name)
{
    char path[512];

    snprintf(path, sizeof path, "%s/%s", dir, name);
    return fopen(path, "w");
}
