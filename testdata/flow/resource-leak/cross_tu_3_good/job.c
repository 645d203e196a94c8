/* job.c: creates a job file and writes its header */
#include <stdio.h>
#include "spool.h"

FILE *job_create(const char *dir, int id)
{
    char name[32];
    FILE *f;

    snprintf(name, sizeof name, "job-%d", id);
    f = spool_open(dir, name);
    if (!f)
        return NULL;
    fprintf(f, "JOB %d\n", id);
    return f;
}
