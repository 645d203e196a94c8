/* status daemon: a client sends a status template, the daemon fills in its counters */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

static void print_status(const char *tmpl, int conns, long bytes)
{
    printf("%s: %d connections, %ld bytes", tmpl, conns, bytes);
    putchar('\n');
}

int serve_status(int sock, int conns, long bytes)
{
    char tmpl[128];
    ssize_t n = recv(sock, tmpl, sizeof tmpl - 1, 0);

    if (n <= 0)
        return -1;
    tmpl[n] = '\0';
    tmpl[strcspn(tmpl, "\r\n")] = '\0';
    print_status(tmpl, conns, bytes);
    return 0;
}
