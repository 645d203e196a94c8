/* path helper: a callee builds the full path, the caller checks it exists and frees it */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);

    if (!p)
        return NULL;
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

int exists_in(const char *dir, const char *name)
{
    char *full = join_path(dir, name);
    int ok;

    if (!full)
        return -1;
    ok = access(full, F_OK) == 0;
    free(full);
    return ok;
}
