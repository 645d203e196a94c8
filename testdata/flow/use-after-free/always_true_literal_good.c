/* job runner: the release before the summary is dead code, so the summary reads a live record */
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
    if (5 == 0)
        free(j);
    status = j->status;
    fprintf(log, "job %d done: %d\n", id, status);
    if (!(5 == 0))
        free(j);
    return status;
}
