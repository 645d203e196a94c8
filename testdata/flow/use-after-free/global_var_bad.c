/* log sink: reopening drops the old prefix, but the banner still prints it */
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
}

int reopen_log(FILE *out)
{
    set_prefix("daemon");
    if (!log_prefix)
        return -1;
    drop_prefix();
    return fputs(log_prefix, out); // flaw
}
