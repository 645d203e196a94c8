/* job runner: the release before the summary is always taken, so the summary reads a freed record */
#include <stdio.h>
#include <stdlib.h>

struct job {
    int id;
    int status;
};

int run_job(FILE *log, int id)
{
    struct job *j = malloc(sizeof *j);
    int status;

    if (!j)
        return -1;
    j->id = id;
    j->status = 0;
    if (5 == 5)
        free(j);
    status = j->status; // flaw
    fprintf(log, "job %d done: %d\n", id, status);
    if (!(5 == 5))
        free(j);
    return status;
}
