/* status line: the literal branch is dead, so the line freed is always the heap block */
#include <stdio.h>
#include <stdlib.h>

int print_status(unsigned jobs)
{
    char *line;

    if (0) {
        line = "idle";
    } else {
        line = malloc(32);
        if (!line)
            return -1;
        snprintf(line, 32, "busy: %u jobs", jobs);
    }
    puts(line);
    free(line);
    return 0;
}
