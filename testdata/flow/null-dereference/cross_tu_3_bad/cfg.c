/* cfg.c: a setting's value by key, through the table lookup */
#include <stddef.h>
#include "cfg.h"

const char *cfg_get(const char *key)
{
    const struct entry *e = table_find(key);

    if (!e)
        return NULL;
    return e->value;
}
