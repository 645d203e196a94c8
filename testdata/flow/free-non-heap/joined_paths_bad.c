/* path builder: both branches point into stack storage, and the end frees the result */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int print_path(const char *dir, const char *name, int absolute)
{
    char buf[256];
    char *path;

    if (absolute) {
        snprintf(buf, sizeof buf, "/%s/%s", dir, name);
        path = buf;
    } else {
        snprintf(buf, sizeof buf, "%s/%s", dir, name);
        path = buf;
    }
    puts(path);
    free(path); // flaw
    return 0;
}
