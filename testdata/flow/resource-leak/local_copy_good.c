/* log tail: the stream is closed through a copy of its pointer on every path */
#include <stdio.h>
#include <string.h>

int first_line_length(const char *path)
{
    char line[256];
    FILE *f = fopen(path, "r");
    FILE *in = f;
    int n = 0;

    if (!in)
        return -1;
    if (fgets(line, sizeof line, in) && line[0] != '\n')
        n = (int)strlen(line);
    fclose(in);
    return n;
}
