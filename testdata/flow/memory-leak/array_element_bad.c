/* mail tool: the user and host parts go into a small table; only the first slot is freed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int print_address(FILE *out, const char *addr)
{
    char *parts[2];
    const char *at = strchr(addr, '@');
    int n;

    if (!at)
        return -1;
    parts[0] = strndup(addr, (size_t)(at - addr));
    if (!parts[0])
        return -1;
    parts[1] = strdup(at + 1);
    if (!parts[1]) {
        free(parts[0]);
        return -1;
    }
    n = fprintf(out, "user=%s host=%s\n", parts[0], parts[1]);
    free(parts[0]);
    return n; // flaw
}
