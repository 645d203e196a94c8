/* chat relay: logs each line a client sends, tagged with the client's name */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

static FILE *logfp;

static void emit_line(const char *fmt, const char *who)
{
    fprintf(logfp, fmt, who);
    fputc('\n', logfp);
}

static void log_msg(const char *fmt, const char *who)
{
    if (logfp)
        emit_line(fmt, who);
}

int relay_line(int sock, const char *who)
{
    char line[256];
    ssize_t n = recv(sock, line, sizeof line - 1, 0);

    if (n <= 0)
        return -1;
    line[n] = '\0';
    line[strcspn(line, "\r\n")] = '\0';
    if (!logfp)
        logfp = fopen("/var/log/relay.log", "a");
    log_msg("%s", line);
    log_msg("  (from %s)", who);
    return 0;
}
