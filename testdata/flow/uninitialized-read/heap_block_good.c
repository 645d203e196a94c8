/* table: a fresh table of counters, zeroed by calloc before its first slot is read */
#include <stdio.h>
#include <stdlib.h>

int first_counter(size_t n)
{
    int *counts = calloc(n, sizeof(*counts));
    int first;

    if (counts == NULL)
        return -1;
    first = counts[0];
    free(counts);
    return first;
}
