/* log sink: the banner prints the prefix before reopening drops it */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *log_prefix;

static void set_prefix(const char *p)
{
    log_prefix = strdup(p);
}

static void drop_prefix(void)
{
    free(log_prefix);
    log_prefix = NULL;
}

int reopen_log(FILE *out)
{
    int rc;

    set_prefix("daemon");
    if (!log_prefix)
        return -1;
    rc = fputs(log_prefix, out);
    drop_prefix();
    return rc;
}
