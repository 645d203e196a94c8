/* counter release: the stats block is a local struct, but the release path frees its address */
#include <stdlib.h>
#include <string.h>

struct stats {
    unsigned long hits;
    unsigned long misses;
};

unsigned long tally(const int *v, size_t n)
{
    struct stats st;
    struct stats *s = &st;
    size_t i;

    memset(s, 0, sizeof *s);
    for (i = 0; i < n; i++) {
        if (v[i])
            s->hits++;
        else
            s->misses++;
    }
    i = s->hits;
    free(s); // flaw
    return i;
}
