/* build step: the compiler pipe goes to end_step(), whose helper closes pipes with pclose() */
#include <stdio.h>

static int close_pipe(FILE *f)
{
    fflush(f);
    return pclose(f);
}

static int end_step(FILE *f, const char *name)
{
    fprintf(stderr, "step %s done\n", name);
    return close_pipe(f);
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
    end_step(p, name);
    return warnings;
}
