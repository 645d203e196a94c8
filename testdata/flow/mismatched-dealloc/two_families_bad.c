/* input source: a command's output or a file, both read the same way; the pipe is closed as a file */
#include <stdio.h>

int count_lines(const char *cmd)
{
    char line[256];
    int n = 0;
    FILE *in;

    in = popen(cmd, "r");
    if (!in)
        return -1;
    while (fgets(line, sizeof line, in))
        n++;
    fclose(in); // flaw
    return n;
}
