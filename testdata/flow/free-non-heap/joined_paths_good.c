/* path builder: one branch uses the stack, the other the heap; only the heap one is freed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int print_path(const char *dir, const char *name, int absolute)
{
    char buf[256];
    char *path;
    size_t n = strlen(dir) + strlen(name) + 3;

    if (n > sizeof buf) {
        path = malloc(n);
        if (!path)
            return -1;
    } else {
        path = buf;
    }
    snprintf(path, n, absolute ? "/%s/%s" : "%s/%s", dir, name);
    puts(path);
    if (path != buf)
        free(path);
    return 0;
}
