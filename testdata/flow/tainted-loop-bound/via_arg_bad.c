/* report generator: the input file says how many blank separator lines to print */
#include <stdio.h>
#include <stdlib.h>

#define MAX_SEPARATORS 20

static void print_separators(FILE *out, long n)
{
    long i;

    for (i = 0; i < n; i++) // flaw
        fputs("----------------------------------------\n", out);
}

int render_report(FILE *in, FILE *out)
{
    char line[64];
    long seps;

    if (!fgets(line, sizeof line, in))
        return -1;
    seps = strtol(line, NULL, 10);
    print_separators(out, seps);
    return 0;
}
