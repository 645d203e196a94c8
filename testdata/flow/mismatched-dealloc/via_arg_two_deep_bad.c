/* build step: the compiler pipe goes to end_step(), whose helper closes streams with fclose() */
#include <stdio.h>

static int close_stream(FILE *f)
{
    fflush(f);
    return fclose(f);
}

static int end_step(FILE *f, const char *name)
{
    fprintf(stderr, "step %s done\n", name);
    return close_stream(f);
}

int run_step(const char *cmd, const char *name)
{
    char line[256];
    int warnings = 0;
    FILE *p = popen(cmd, "r");

    if (!p)
        return -1;
    while (fgets(line, sizeof line, p))
        warnings++;
    end_step(p, name); // flaw
    return warnings;
}
