/* job runner: the worker callback receives the job's command through an untyped context pointer */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_job(void *ctx)
{
    char **cmdp = (char **)ctx;
    char *cmd = *cmdp;

    return system(cmd); // flaw
}

int next_job(FILE *queue)
{
    char line[256];
    char *cmd = line;

    if (!fgets(line, sizeof line, queue))
        return -1;
    line[strcspn(line, "\n")] = '\0';
    return run_job(&cmd);
}
