/* static file server: GET <name> returns a file from the document root */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

FILE *open_requested(int sock)
{
    char req[256];
    char path[512];
    ssize_t n = recv(sock, req, sizeof req - 1, 0);

    if (n <= 4)
        return NULL;
    req[n] = '\0';
    req[strcspn(req, "\r\n")] = '\0';
    if (strncmp(req, "GET ", 4) != 0)
        return NULL;
    snprintf(path, sizeof path, "/srv/www/%s", req + 4);
    return fopen(path, "r"); // flaw
}
