/* table: a fresh table of counters whose first slot is read before anything is stored */
#include <stdio.h>
#include <stdlib.h>

int first_counter(size_t n)
{
    int *counts = malloc(n * sizeof(*counts));
    int first;

    if (counts == NULL)
        return -1;
    first = counts[0]; // flaw
    free(counts);
    return first;
}
