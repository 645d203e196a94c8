/* request logger: formats a line into a heap buffer and writes it out */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int log_request(FILE *out, const char *method, const char *path)
{
    size_t n = strlen(method) + strlen(path) + 4;
    char *line = malloc(n);

    if (!line)
        return -1;
    snprintf(line, n, "%s %s\n", method, path);
    fputs(line, out);
    return 0; // flaw
}
