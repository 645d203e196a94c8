/* diff helper: slot 0 holds a file, slot 1 a command's output; both are closed as files */
#include <stdio.h>
#include <string.h>

int same_output(const char *path, const char *cmd)
{
    FILE *io[2];
    char a[256], b[256];
    int same = 1;

    io[0] = fopen(path, "r");
    if (!io[0])
        return -1;
    io[1] = popen(cmd, "r");
    if (!io[1]) {
        fclose(io[0]);
        return -1;
    }
    while (same && fgets(a, sizeof a, io[0]))
        same = fgets(b, sizeof b, io[1]) && strcmp(a, b) == 0;
    fclose(io[0]);
    fclose(io[1]); // flaw
    return same;
}
