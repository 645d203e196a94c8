/* key derivation helper: the iteration count is read from a settings file */
#include <stdio.h>
#include <stdlib.h>

static long read_iterations(FILE *cfg)
{
    char line[32];
    long n;

    if (!fgets(line, sizeof line, cfg))
        return 1000;
    n = strtol(line, NULL, 10);
    if (n < 1 || n > 1000000)
        return 1000;
    return n;
}

unsigned long derive(FILE *cfg, unsigned long seed)
{
    long iters = read_iterations(cfg);
    long i;

    for (i = 0; i < iters; i++)
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
    return seed;
}
