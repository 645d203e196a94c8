/* syslog setup: the ident is a literal, but the shutdown path frees it as if it were a copy */
#include <stdlib.h>
#include <syslog.h>

int log_session(int verbose)
{
    char *ident = "cvetd";

    openlog(ident, LOG_PID, LOG_DAEMON);
    if (verbose)
        syslog(LOG_INFO, "session started");
    syslog(LOG_INFO, "session closed");
    closelog();
    free(ident); // flaw
    return 0;
}
