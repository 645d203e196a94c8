/* batch runner: a job file may override the PATH the job's commands see */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HONOR_JOB_PATH 0

int prepare_job(FILE *job)
{
    char line[256];

    while (fgets(line, sizeof line, job)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "PATH=", 5) != 0)
            continue;
        if (HONOR_JOB_PATH)
            return setenv("PATH", line + 5, 1);
        break;
    }
    return setenv("PATH", "/usr/bin:/bin", 1);
}
