/* photo service: requests look like "ALBUM/PICTURE" */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

FILE *open_picture(int fd)
{
    char req[200];
    char *parts[2];
    char path[300];
    ssize_t n = read(fd, req, sizeof req - 1);

    if (n <= 0)
        return NULL;
    req[n] = '\0';
    req[strcspn(req, "\r\n")] = '\0';
    parts[0] = strtok(req, "/");
    parts[1] = strtok(NULL, "");
    if (!parts[0] || !parts[1])
        return NULL;
    if (strstr(parts[0], "..") != NULL)
        return NULL;
    snprintf(path, sizeof path, "/srv/photos/%s/%s", parts[0], parts[1]);
    return fopen(path, "rb"); // flaw
}
