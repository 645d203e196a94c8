/* line buffer: the old pointer is freed only when realloc failed */
#include <stdlib.h>
#include <string.h>

int grow_line(size_t want)
{
    char *line = malloc(32);
    char *bigger;

    if (!line)
        return -1;
    memset(line, 0, 32);
    bigger = realloc(line, want);
    if (!bigger) {
        free(line);
        return -1;
    }
    bigger[0] = 'x';
    free(bigger);
    return 0;
}
