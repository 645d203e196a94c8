/* render farm node: the job ticket carries the renderer's library path */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ticket {
    char job[64];
    char lib_path[256];
    int priority;
};

int prepare_renderer(FILE *queue, struct ticket *t)
{
    if (fscanf(queue, "%63s %255s %d", t->job, t->lib_path, &t->priority) != 3)
        return -1;
    fprintf(stderr, "job %s (prio %d)\n", t->job, t->priority);
    if (strcmp(t->lib_path, "/opt/render/lib") != 0)
        return -1;
    return setenv("LD_LIBRARY_PATH", t->lib_path, 1);
}
