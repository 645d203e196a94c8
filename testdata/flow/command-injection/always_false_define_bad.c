/* DNS admin daemon: looks up a name for a client, via the shell in debug builds */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netdb.h>
#include <sys/types.h>
#include <sys/socket.h>

#define DEBUG_SHELL_LOOKUP 1

int lookup_for_client(int sock)
{
    char name[128];
    char cmd[200];
    ssize_t n = recv(sock, name, sizeof name - 1, 0);

    if (n <= 0)
        return -1;
    name[n] = '\0';
    name[strcspn(name, "\r\n")] = '\0';
#if DEBUG_SHELL_LOOKUP
    snprintf(cmd, sizeof cmd, "/usr/bin/host %s", name);
    return system(cmd); // flaw
#else
    (void)cmd;
    return gethostbyname(name) ? 0 : -1;
#endif
}
