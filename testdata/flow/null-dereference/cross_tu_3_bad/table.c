/* table.c: the built-in settings, with a lookup that returns NULL for an unknown key */
#include <stddef.h>
#include <string.h>
#include "cfg.h"

static const struct entry table[] = {
    {"listen", "0.0.0.0:8080"},
    {"workers", "4"},
};

const struct entry *table_find(const char *key)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].key, key) == 0)
            return &table[i];
    return NULL;
}
