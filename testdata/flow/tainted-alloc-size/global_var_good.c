/* log shipper: the line buffer size is read from the agent's config */
#include <stdio.h>
#include <stdlib.h>

static unsigned long g_line_max = 4096;

void load_config(FILE *cfg)
{
    unsigned long v;

    if (fscanf(cfg, "line_max=%lu", &v) == 1 && v >= 64 && v <= 65536)
        g_line_max = v;
}

int ship(FILE *in, FILE *out)
{
    char *line = malloc(g_line_max);

    if (!line)
        return -1;
    while (fgets(line, (int)g_line_max, in))
        fputs(line, out);
    free(line);
    return 0;
}
