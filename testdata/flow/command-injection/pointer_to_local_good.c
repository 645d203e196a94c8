/* DHCP hook: runs the lease script for the host name a client announces */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

int run_lease_hook(int sock)
{
    char hostname[64];
    char cmd[200];
    char *name = hostname;
    ssize_t n = recvfrom(sock, hostname, sizeof hostname - 1, 0, NULL, NULL);

    if (n <= 0)
        return -1;
    hostname[n] = '\0';
    name[strcspn(name, "\r\n")] = '\0';
    if (name[0] == '\0' || name[0] == '-' || name[strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-")] != '\0')
        return -1;
    snprintf(cmd, sizeof cmd, "/etc/dhcp/lease-hook.sh add %s", name);
    return system(cmd);
}
