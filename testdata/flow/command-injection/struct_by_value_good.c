/* print spooler: a job record handed by value to the function that runs the filter */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct job {
    int copies;
    const char *title;
};

static int run_filter(struct job j)
{
    char cmd[256];

    snprintf(cmd, sizeof cmd, "/usr/bin/lpr -# %d -T '%s' /var/spool/print/current", j.copies, j.title);
    return system(cmd);
}

int spool_one(FILE *queue)
{
    char title[128];
    struct job j;

    if (!fgets(title, sizeof title, queue))
        return -1;
    title[strcspn(title, "\n")] = '\0';
    printf("spooling %s\n", title);
    j.copies = 1;
    j.title = "queued job";
    return run_filter(j);
}
