/* log archiver: compresses yesterday's log */
#include <stdio.h>
#include <stdlib.h>

int archive_log(void)
{
    const char *cmd = "/bin/gzip -9 -f /var/log/app/app.log.1";
    const char *run = cmd;
    int rc;

    rc = system(run);
    if (rc != 0)
        fprintf(stderr, "archive failed: %d\n", rc);
    return rc;
}
