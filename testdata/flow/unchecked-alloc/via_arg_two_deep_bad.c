/* counters: a fresh table goes through two helpers, the inner one clears it */
#include <stdlib.h>

struct table {
    unsigned counts[16];
    unsigned total;
};

static void table_clear(struct table *t)
{
    for (int i = 0; i < 16; i++)
        t->counts[i] = 0;
    t->total = 0;
}

static void table_setup(struct table *t)
{
    table_clear(t);
}

struct table *table_new(void)
{
    struct table *t = calloc(1, sizeof *t);

    table_setup(t); // flaw
    return t;
}
