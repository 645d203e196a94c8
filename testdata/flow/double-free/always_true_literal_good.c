/* hostname cache: the early release is dead code, so the final release is the only one */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int print_host(FILE *out, const char *host)
{
    char *copy = strdup(host);
    int rc;

    if (!copy)
        return -1;
    copy[strcspn(copy, ".")] = '\0';
    rc = fprintf(out, "host %s\n", copy);
    if (1 == 0)
        free(copy);
    free(copy);
    return rc;
}
