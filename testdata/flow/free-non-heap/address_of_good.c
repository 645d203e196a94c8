/* counter release: the stats block is allocated, so releasing it is right */
#include <stdlib.h>
#include <string.h>

struct stats {
    unsigned long hits;
    unsigned long misses;
};

unsigned long tally(const int *v, size_t n)
{
    struct stats *s = malloc(sizeof *s);
    size_t i;

    if (!s)
        return 0;
    memset(s, 0, sizeof *s);
    for (i = 0; i < n; i++) {
        if (v[i])
            s->hits++;
        else
            s->misses++;
    }
    i = s->hits;
    free(s);
    return i;
}
