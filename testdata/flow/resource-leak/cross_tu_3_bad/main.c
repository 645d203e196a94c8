/* main.c: queues one print job and never closes the job file */
#include <stdio.h>
#include "spool.h"

int queue_job(const char *dir, int id, const char *doc)
{
    FILE *job = job_create(dir, id);

    if (!job)
        return -1;
    fprintf(job, "DOC %s\n", doc);
    return 0; // flaw
}
