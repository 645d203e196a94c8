/* thumbnailer: converts the image a client names */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int make_thumbnail(int fd)
{
    char name[80];
    char cmd[200];
    ssize_t n = read(fd, name, sizeof name - 1);

    if (n <= 0)
        return -1;
    name[n] = '\0';
    name[strcspn(name, "\r\n")] = '\0';
    if (5 == 5)
        snprintf(cmd, sizeof cmd, "/usr/bin/convert /srv/img/%s -resize 64x64 /tmp/thumb.png", name);
    else
        snprintf(cmd, sizeof cmd, "/usr/bin/convert /srv/img/default.png -resize 64x64 /tmp/thumb.png");
    return system(cmd); // flaw
}
