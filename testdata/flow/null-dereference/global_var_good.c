/* spooler: the spool directory from the environment is kept in a global, with a default when it is unset */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *spool_dir;

static void spool_init(void)
{
    spool_dir = getenv("CVETD_SPOOL");
    if (!spool_dir)
        spool_dir = "/var/spool/cvetd";
}

int spool_path(char *out, size_t outlen, const char *job)
{
    size_t n;

    spool_init();
    n = strlen(spool_dir);
    if (n + strlen(job) + 2 > outlen)
        return -1;
    snprintf(out, outlen, "%s/%s", spool_dir, job);
    return 0;
}
