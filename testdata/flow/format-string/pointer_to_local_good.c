/* chat relay: logs the greeting each client sends */
#include <string.h>
#include <syslog.h>
#include <sys/types.h>
#include <sys/socket.h>

int log_greeting(int sock, int client_id)
{
    char banner[128];
    char fallback[] = "client %d connected";
    char *fmt;
    ssize_t n = recv(sock, banner, sizeof banner - 1, 0);

    if (n <= 0)
        return -1;
    banner[n] = '\0';
    fmt = fallback;
    syslog(LOG_DEBUG, "greeting: %s", banner);
    syslog(LOG_INFO, fmt, client_id);
    (void)fallback;
    return 0;
}
