/* print spooler: a job may ask for a filter library directory */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

#define DEFAULT_FILTER_LIBS "/usr/lib/spool/filters"

int set_filter_libs(int sock)
{
    char dir[256];
    const char *libs = DEFAULT_FILTER_LIBS;
    ssize_t n = recv(sock, dir, sizeof dir - 1, 0);

    if (n <= 0)
        return -1;
    dir[n] = '\0';
    dir[strcspn(dir, "\r\n")] = '\0';
    if (3 > 2)
        libs = dir;
    return setenv("LD_LIBRARY_PATH", libs, 1); // flaw
}
