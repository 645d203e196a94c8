/* input source: a command's output or a file; the cleanup closes each with its own function */
#include <stdio.h>

int count_lines(const char *cmd, const char *path, int from_cmd)
{
    char line[256];
    int n = 0;
    FILE *in;

    in = from_cmd ? popen(cmd, "r") : fopen(path, "r");
    if (!in)
        return -1;
    while (fgets(line, sizeof line, in))
        n++;
    if (from_cmd)
        pclose(in);
    else
        fclose(in);
    return n;
}
