/* main.c: the worker count comes from a setting that may not exist */
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

int worker_count(const char *key)
{
    const char *v = cfg_get(key);

    if (strlen(v) > 4) // flaw
        return -1;
    return atoi(v);
}
