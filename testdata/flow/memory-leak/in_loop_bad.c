/* line reader: a buffer is allocated per line, but only the last one is freed after the loop */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int longest_line(FILE *in)
{
    char *line = NULL;
    size_t best = 0;

    for (int i = 0; i < 1000; i++) {
        line = malloc(256); // flaw
        if (!line)
            return -1;
        if (!fgets(line, 256, in))
            break;
        if (strlen(line) > best)
            best = strlen(line);
    }
    free(line);
    return (int)best;
}
