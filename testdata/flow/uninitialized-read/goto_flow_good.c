/* loader: the status is set before any jump to the exit */
#include <stdio.h>

int load(const char *path)
{
    int status = -1;

    if (path == NULL)
        goto out;
    status = 0;
    puts(path);
out:
    return status;
}
