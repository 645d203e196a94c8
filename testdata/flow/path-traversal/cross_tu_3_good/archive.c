#include <stdio.h>
#include <string.h>
#include "paths.h"

int move_to_archive(const char *path)
{
    char dest[300];
    const char *base = strrchr(path, '/');

    snprintf(dest, sizeof dest, "/var/mail/archive/%s", base ? base + 1 : path);
    return rename(path, dest);
}
