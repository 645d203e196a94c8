/* CI runner: the job file may override the toolchain search path */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *toolchain_path(FILE *job, char *buf, size_t size)
{
    if (!fgets(buf, (int)size, job))
        return NULL;
    buf[strcspn(buf, "\n")] = '\0';
    return buf;
}

int prepare_toolchain(FILE *job)
{
    char buf[300];
    const char *path = toolchain_path(job, buf, sizeof buf);

    if (!path)
        return -1;
    return setenv("PATH", path, 1); // flaw
}
