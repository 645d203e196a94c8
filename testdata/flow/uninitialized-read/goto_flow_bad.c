/* loader: an early exit jumps over the status assignment */
#include <stdio.h>

int load(const char *path)
{
    int status;

    if (path == NULL)
        goto out;
    status = 0;
    puts(path);
out:
    return status; // flaw
}
