/* syslog setup: the ident is a heap copy, so the shutdown path frees it after closelog */
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

int log_session(int verbose)
{
    char *ident = strdup("cvetd");

    if (!ident)
        return -1;
    openlog(ident, LOG_PID, LOG_DAEMON);
    if (verbose)
        syslog(LOG_INFO, "session started");
    syslog(LOG_INFO, "session closed");
    closelog();
    free(ident);
    return 0;
}
