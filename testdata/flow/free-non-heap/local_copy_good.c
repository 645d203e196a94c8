/* line reader: a short line stays in the stack buffer, and only a heap copy is freed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int echo_line(FILE *in)
{
    char small[128];
    char *line = small;

    if (!fgets(line, sizeof small, in))
        return -1;
    line[strcspn(line, "\n")] = '\0';
    puts(line);
    if (line != small)
        free(line);
    return 0;
}
