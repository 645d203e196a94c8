/* config loader: the stream is released with free() instead of fclose() */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int load_port(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[64];
    int port = -1;

    if (!f)
        return -1;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "port=", 5) == 0)
            port = (int)strtol(line + 5, NULL, 10);
    }
    free(f); // flaw
    return port;
}
