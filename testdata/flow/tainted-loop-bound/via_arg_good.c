/* report generator: the input file says how many blank separator lines to print */
#include <stdio.h>
#include <stdlib.h>

#define MAX_SEPARATORS 20

static void print_separators(FILE *out, long n)
{
    long i;

    for (i = 0; i < n; i++)
        fputs("----------------------------------------\n", out);
}

int render_report(FILE *in, FILE *out)
{
    char line[64];
    long seps;

    if (!fgets(line, sizeof line, in))
        return -1;
    seps = strtol(line, NULL, 10);
    if (seps < 0 || seps > MAX_SEPARATORS)
        return -1;
    print_separators(out, seps);
    return 0;
}
