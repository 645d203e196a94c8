/* tee tool: copies stdin into two output files kept in a table; the second is never closed */
#include <stdio.h>

int tee_two(const char *a, const char *b)
{
    FILE *outs[2];
    char buf[512];
    size_t n;

    outs[0] = fopen(a, "w");
    if (!outs[0])
        return -1;
    outs[1] = fopen(b, "w");
    if (!outs[1]) {
        fclose(outs[0]);
        return -1;
    }
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
        fwrite(buf, 1, n, outs[0]);
        fwrite(buf, 1, n, outs[1]);
    }
    fclose(outs[0]);
    return 0; // flaw
}
