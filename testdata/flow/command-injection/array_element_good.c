/* backup agent: archives the directory a client names, arguments kept in a table */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

int archive_request(int sock)
{
    char dir[96];
    char cmd[256];
    const char *parts[3];
    ssize_t n = recv(sock, dir, sizeof dir - 1, 0);

    if (n <= 0)
        return -1;
    dir[n] = '\0';
    dir[strcspn(dir, "\r\n")] = '\0';
    if (dir[0] != '/' || dir[strspn(dir, "abcdefghijklmnopqrstuvwxyz0123456789/_")] != '\0')
        return -1;
    parts[0] = "/bin/tar czf /var/backups/latest.tgz";
    parts[1] = dir;
    parts[2] = "2>/dev/null";
    snprintf(cmd, sizeof cmd, "%s %s %s", parts[0], parts[1], parts[2]);
    return system(cmd);
}
