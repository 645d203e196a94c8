/* log tail: the stream is closed through a copy of its pointer, except when the first line is empty */
#include <stdio.h>
#include <string.h>

int first_line_length(const char *path)
{
    char line[256];
    FILE *f = fopen(path, "r");
    FILE *in = f;

    if (!in)
        return -1;
    if (!fgets(line, sizeof line, in) || line[0] == '\n')
        return 0; // flaw
    fclose(in);
    return (int)strlen(line);
}
