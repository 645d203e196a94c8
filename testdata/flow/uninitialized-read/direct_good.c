/* counter: the total of a batch, the accumulator set where it is declared */
#include <stdio.h>

int batch_total(const int *v, int n)
{
    int total = 0;

    for (int i = 0; i < n; i++)
        printf("%d\n", v[i]);
    return total;
}
