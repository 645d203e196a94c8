/* log rotation agent: renames a log file the controller names */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int rotate(int fd)
{
    char name[96];
    char from[160], to[170];
    ssize_t n = read(fd, name, sizeof name - 1);
    int rc = -1;

    if (n <= 0)
        goto out;
    name[n] = '\0';
    name[strcspn(name, "\r\n")] = '\0';
    if (name[0] == '\0' || strchr(name, '/') != NULL || strcmp(name, "..") == 0)
        goto out;
    snprintf(from, sizeof from, "/var/log/app/%s", name);
    snprintf(to, sizeof to, "%s.1", from);
    rc = rename(from, to);
out:
    return rc;
}
