/* a heap array of ten counters, initialised to its end */
#include <stdlib.h>

int *new_counters(void)
{
    int *c = malloc(10 * sizeof(int));
    int i;

    if (!c)
        return NULL;
    for (i = 0; i < 10; i++)
        c[i] = 0;
    return c;
}
