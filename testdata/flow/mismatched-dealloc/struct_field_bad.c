/* log collector: the pipe kept in a source record is closed as a file */
#include <stdio.h>

struct source {
    const char *label;
    FILE *in;
    long lines;
};

long collect(const char *cmd)
{
    struct source src;
    char line[256];

    src.label = cmd;
    src.lines = 0;
    src.in = popen(cmd, "r");
    if (!src.in)
        return -1;
    while (fgets(line, sizeof line, src.in))
        src.lines++;
    fclose(src.in); // flaw
    return src.lines;
}
