#include <stdio.h>
#include <stdlib.h>
#include "env.h"

int apply_path(const char *value)
{
    static char entry[256];

    snprintf(entry, sizeof entry, "PATH=%s", value);
    return putenv(entry);
}
