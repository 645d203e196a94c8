/* settings: load_settings() hands the stream to parse_settings(), whose finish step only checks errors */
#include <stdio.h>
#include <string.h>

static int finish_stream(FILE *f)
{
    return ferror(f) ? -1 : 0;
}

static int parse_settings(FILE *f, int *verbose)
{
    char line[128];

    while (fgets(line, sizeof line, f))
        if (strncmp(line, "verbose=1", 9) == 0)
            *verbose = 1;
    return finish_stream(f);
}

int load_settings(const char *path, int *verbose)
{
    FILE *f = fopen(path, "r");
    int rc;

    if (!f)
        return -1;
    rc = parse_settings(f, verbose);
    return rc; // flaw
}
