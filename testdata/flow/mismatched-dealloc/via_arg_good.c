/* job runner: the command pipe is closed with pclose(); files go to the fclose() helper */
#include <stdio.h>

static void close_stream(FILE *f)
{
    fflush(f);
    fclose(f);
}

int run_job(const char *logpath)
{
    char line[128];
    int n = 0;
    FILE *p = popen("/usr/bin/env", "r");
    FILE *log;

    if (!p)
        return -1;
    while (fgets(line, sizeof line, p))
        n++;
    pclose(p);
    log = fopen(logpath, "a");
    if (!log)
        return n;
    fprintf(log, "%d lines\n", n);
    close_stream(log);
    return n;
}
