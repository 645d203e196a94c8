/* monitoring agent: the peer sends the address of a host (four raw bytes) to ping */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

union target {
    unsigned char raw[64];
    char text[64];
};

int ping_target(int sock)
{
    union target t;
    char cmd[128];
    ssize_t n;

    memset(&t, 0, sizeof t);
    n = recv(sock, t.raw, sizeof t.raw - 1, 0);
    if (n < 4)
        return -1;
    snprintf(cmd, sizeof cmd, "/bin/ping -c 1 -W 2 %u.%u.%u.%u",
             t.raw[0], t.raw[1], t.raw[2], t.raw[3]);
    return system(cmd);
}
