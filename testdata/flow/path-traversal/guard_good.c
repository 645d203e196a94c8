/* wiki server: serves page sources from the pages directory */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

FILE *open_page(int sock)
{
    char name[128];
    char path[256];
    ssize_t n = recv(sock, name, sizeof name - 1, 0);

    if (n <= 0)
        return NULL;
    name[n] = '\0';
    name[strcspn(name, "\r\n")] = '\0';
    if (strstr(name, "..") != NULL)
        return NULL;
    snprintf(path, sizeof path, "/srv/wiki/pages/%s.md", name);
    return fopen(path, "r");
}
