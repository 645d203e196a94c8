/* log collector: the pipe kept in a source record is closed with pclose() */
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
    pclose(src.in);
    return src.lines;
}
