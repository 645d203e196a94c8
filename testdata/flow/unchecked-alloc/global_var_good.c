/* rate limiter: the table is allocated by a setup helper, and a failed allocation is caught before the first write */
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
    if (!rate_table)
        return -1;
    rate_table[client % BUCKETS]++;
    return rate_table[client % BUCKETS] > 100;
}
