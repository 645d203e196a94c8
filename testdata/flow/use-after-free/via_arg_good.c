/* job queue: the caller logs the job before the helper frees it */
#include <stdio.h>
#include <stdlib.h>

struct job {
    int id;
    char tag[16];
};

static void job_done(struct job *j)
{
    free(j);
}

static void job_log(const struct job *j)
{
    printf("job %d done\n", j->id);
}

void run_job(int id)
{
    struct job *j = malloc(sizeof *j);

    if (!j)
        return;
    j->id = id;
    job_log(j);
    job_done(j);
}
