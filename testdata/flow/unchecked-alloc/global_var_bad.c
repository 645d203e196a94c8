/* rate limiter: the table is allocated by a setup helper, and the first request writes into it unchecked */
#include <stdlib.h>

#define BUCKETS 256

static unsigned *rate_table;

static void rate_setup(void)
{
    rate_table = calloc(BUCKETS, sizeof *rate_table);
}

int rate_hit(unsigned client)
{
    if (!rate_table)
        rate_setup();
    rate_table[client % BUCKETS]++; // flaw
    return rate_table[client % BUCKETS] > 100;
}
