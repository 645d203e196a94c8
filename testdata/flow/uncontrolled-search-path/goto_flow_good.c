/* remote shell daemon: "ENV LD_LIBRARY_PATH=<dir>" before running a command */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

int handle_env(int sock)
{
    char msg[256];
    char *dir;
    ssize_t n = recv(sock, msg, sizeof msg - 1, 0);

    if (n <= 0)
        goto err;
    msg[n] = '\0';
    msg[strcspn(msg, "\r\n")] = '\0';
    if (strncmp(msg, "ENV LD_LIBRARY_PATH=", 20) != 0)
        goto err;
    dir = msg + 20;
    if (strcmp(dir, "/opt/rsh/lib") != 0)
        goto err;
    if (setenv("LD_LIBRARY_PATH", dir, 1) != 0)
        goto err;
    return 0;
err:
    return -1;
}
