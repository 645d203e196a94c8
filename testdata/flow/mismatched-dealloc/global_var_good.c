/* pager: pager_start() sends output through a pager pipe kept in a global; pager_stop() closes it with pclose() */
#include <stdio.h>

static FILE *pager;

int pager_start(void)
{
    pager = popen("/usr/bin/less -R", "w");
    return pager ? 0 : -1;
}

void pager_write(const char *line)
{
    fputs(line, pager ? pager : stdout);
}

int pager_stop(void)
{
    int rc;

    if (!pager)
        return 0;
    rc = pclose(pager);
    pager = NULL;
    return rc;
}
