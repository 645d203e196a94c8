/* monitoring agent: pings the host named in a probe request */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

struct probe {
    int count;
    char host[64];
};

int run_probe(int sock)
{
    struct probe p;
    char cmd[160];
    ssize_t n;

    p.count = 3;
    n = recv(sock, p.host, sizeof p.host - 1, 0);
    if (n <= 0)
        return -1;
    p.host[n] = '\0';
    p.host[strcspn(p.host, "\r\n")] = '\0';
    snprintf(cmd, sizeof cmd, "/bin/ping -c %d %s >/dev/null", p.count, p.host);
    return system(cmd); // flaw
}
