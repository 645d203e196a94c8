/* config loader: the helper reads the stream and closes it */
#include <stdio.h>

static int count_lines(FILE *f)
{
    int c, n = 0;

    while ((c = fgetc(f)) != EOF)
        if (c == '\n')
            n++;
    fclose(f);
    return n;
}

int config_lines(const char *path)
{
    FILE *f = fopen(path, "r");
    int n;

    if (!f)
        return -1;
    n = count_lines(f);
    return n;
}
