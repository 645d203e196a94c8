/* pid file: writes the pid and forgets to close the stream */
#include <stdio.h>
#include <unistd.h>

int write_pidfile(const char *path)
{
    FILE *f = fopen(path, "w");

    if (!f)
        return -1;
    fprintf(f, "%ld\n", (long)getpid());
    return 0; // flaw
}
