/* main.c: the worker count comes from a setting, with a default when it does not exist */
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

int worker_count(const char *key)
{
    const char *v = cfg_get(key);

    if (!v)
        return 1;
    if (strlen(v) > 4)
        return -1;
    return atoi(v);
}
