/* main.c: prints the first counter of a fresh table */
#include <stdio.h>
#include <stdlib.h>
#include "counters.h"

int main(void)
{
    long *c = counters_new();

    if (c == NULL)
        return 1;
    printf("%ld\n", c[0]); // flaw
    free(c);
    return 0;
}
