/* monitoring agent: the probe config sets how many times to retry a check */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static unsigned long g_retries = 3;

void load_probe_config(FILE *cfg)
{
    char line[128];

    while (fgets(line, sizeof line, cfg)) {
        unsigned long v;

        if (sscanf(line, "retries=%lu", &v) == 1 && v <= 10)
            g_retries = v;
    }
}

int run_probe(int (*check)(void))
{
    unsigned long attempt;

    for (attempt = 0; attempt < g_retries; attempt++) {
        if (check() == 0)
            return 0;
        sleep(1);
    }
    return -1;
}
