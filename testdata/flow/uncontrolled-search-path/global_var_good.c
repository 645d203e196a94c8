/* cron-like daemon: job environment comes from its profile file */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char g_path[256] = "/usr/bin:/bin";

void load_profile(FILE *fp)
{
    char value[256];

    if (fscanf(fp, "path=%255s", value) == 1)
        strcpy(g_path, strcmp(value, "minimal") == 0 ? "/bin" : "/usr/bin:/bin");
}

int start_job(void)
{
    return setenv("PATH", g_path, 1);
}
