/* path joiner: short paths live in a stack buffer, long ones get a fresh heap block (realloc of NULL), never the stack one */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int open_joined(const char *dir, const char *name, FILE **out)
{
    char small[64];
    char *path = small;
    size_t need = strlen(dir) + strlen(name) + 2;

    if (need > sizeof small) {
        char *big = realloc(path == small ? NULL : path, need);
        if (!big)
            return -1;
        path = big;
    }
    snprintf(path, need, "%s/%s", dir, name);
    *out = fopen(path, "r");
    if (path != small)
        free(path);
    return *out ? 0 : -1;
}
