/* IRC-like server: replays the last N lines of history a client asks for */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

unsigned long g_history_cap = 500;

int replay_history(int sock, const char history[][128], unsigned long stored)
{
    char req[32];
    unsigned long want, i;
    ssize_t n = recv(sock, req, sizeof req - 1, 0);

    if (n <= 0)
        return -1;
    req[n] = '\0';
    want = strtoul(req, NULL, 10);
    if (g_history_cap != 0 && want > g_history_cap)
        want = g_history_cap;
    for (i = 0; i < want; i++) {
        const char *line = history[i % (stored ? stored : 1)];

        send(sock, line, strlen(line), 0);
    }
    return 0;
}
