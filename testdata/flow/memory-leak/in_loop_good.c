/* line reader: one buffer for all lines, freed once after the loop */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int longest_line(FILE *in)
{
    char *line = malloc(256);
    size_t best = 0;

    if (!line)
        return -1;
    for (int i = 0; i < 1000; i++) {
        if (!fgets(line, 256, in))
            break;
        if (strlen(line) > best)
            best = strlen(line);
    }
    free(line);
    return (int)best;
}
