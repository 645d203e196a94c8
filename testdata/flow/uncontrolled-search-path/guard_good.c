/* print filter daemon: the queue entry names the toolchain path */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int select_toolchain(int fd)
{
    char val[128];
    ssize_t n = read(fd, val, sizeof val - 1);

    if (n <= 0)
        return -1;
    val[n] = '\0';
    val[strcspn(val, "\r\n")] = '\0';
    if (strcmp(val, "/usr/bin:/bin") != 0 && strcmp(val, "/opt/cups/bin:/usr/bin:/bin") != 0)
        return -1;
    return setenv("PATH", val, 1);
}
