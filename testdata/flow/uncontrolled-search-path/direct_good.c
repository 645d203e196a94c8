/* job runner agent: the controller sends a search path, then a job name */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

int prepare_job(int sock)
{
    char path[256];
    ssize_t n = recv(sock, path, sizeof path - 1, 0);

    if (n <= 0)
        return -1;
    path[n] = '\0';
    path[strcspn(path, "\r\n")] = '\0';
    fprintf(stderr, "controller asked for PATH=%s\n", path);
    return setenv("PATH", "/usr/local/bin:/usr/bin:/bin", 1);
}
