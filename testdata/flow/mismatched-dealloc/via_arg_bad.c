/* job runner: the command pipe goes to a helper that closes streams with fclose() */
#include <stdio.h>

static void close_stream(FILE *f)
{
    fflush(f);
    fclose(f);
}

int run_job(void)
{
    char line[128];
    int n = 0;
    FILE *p = popen("/usr/bin/env", "r");

    if (!p)
        return -1;
    while (fgets(line, sizeof line, p))
        n++;
    close_stream(p); // flaw
    return n;
}
