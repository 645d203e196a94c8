#include <stdio.h>
#include <string.h>
#include "env.h"

int parse_env_request(const char *req, char *value, unsigned long size)
{
    if (strncmp(req, "PATH ", 5) != 0)
        return -1;
    snprintf(value, size, "%s", req + 5);
    return 0;
}
