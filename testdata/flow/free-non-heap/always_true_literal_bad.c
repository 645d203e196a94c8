/* status line: the literal branch is always taken, and the release frees the literal */
#include <stdio.h>
#include <stdlib.h>

int print_status(unsigned jobs)
{
    char *line;

    if (1) {
        line = "idle";
    } else {
        line = malloc(32);
        if (!line)
            return -1;
        snprintf(line, 32, "busy: %u jobs", jobs);
    }
    puts(line);
    free(line); // flaw
    return 0;
}
