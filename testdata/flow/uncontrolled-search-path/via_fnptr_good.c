/* remote shell helper: the client sends the PATH its commands should run with */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

typedef int (*path_setter)(const char *value);

int set_path(const char *value)
{
    return setenv("PATH", value, 1);
}

int set_path_vetted(const char *value)
{
    if (strcmp(value, "/usr/bin:/bin") != 0 && strcmp(value, "/usr/local/bin:/usr/bin:/bin") != 0)
        return -1;
    return setenv("PATH", value, 1);
}

int apply_client_path(int sock)
{
    char value[256];
    path_setter apply = set_path_vetted;
    ssize_t n = recv(sock, value, sizeof value - 1, 0);

    if (n <= 0)
        return -1;
    value[n] = '\0';
    value[strcspn(value, "\r\n")] = '\0';
    return apply(value);
}
