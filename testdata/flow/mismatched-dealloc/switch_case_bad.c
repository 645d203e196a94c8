/* input opener: each kind of source is read the same way; the command case closes its pipe as a file */
#include <stdio.h>

enum { SRC_FILE, SRC_CMD };

static int count_lines(FILE *f)
{
    char line[256];
    int n = 0;

    while (fgets(line, sizeof line, f))
        n++;
    return n;
}

int lines_of(int kind, const char *arg)
{
    FILE *f;
    int n = -1;

    switch (kind) {
    case SRC_FILE:
        if ((f = fopen(arg, "r")) == NULL)
            return -1;
        n = count_lines(f);
        fclose(f);
        break;
    case SRC_CMD:
        if ((f = popen(arg, "r")) == NULL)
            return -1;
        n = count_lines(f);
        fclose(f); // flaw
        break;
    default:
        break;
    }
    return n;
}
