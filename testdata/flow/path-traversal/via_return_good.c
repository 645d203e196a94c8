/* upload daemon: stores a file under the name the client sends first */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

static char *read_filename(int sock, char *buf, size_t len)
{
    ssize_t n = recv(sock, buf, len - 1, 0);

    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
    if (buf[0] == '\0' || strchr(buf, '/') != NULL || strstr(buf, "..") != NULL)
        return NULL;
    return buf;
}

FILE *create_upload(int sock)
{
    char buf[128];
    char path[256];
    const char *name = read_filename(sock, buf, sizeof buf);

    if (!name)
        return NULL;
    snprintf(path, sizeof path, "/srv/uploads/%s", name);
    return fopen(path, "wb");
}
