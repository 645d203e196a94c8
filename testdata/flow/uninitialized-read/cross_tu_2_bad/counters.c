/* counters.c: a table of per-client counters, handed out fresh */
#include <stdlib.h>
#include "counters.h"

long *counters_new(void)
{
    return malloc(NCOUNTERS * sizeof(long));
}
