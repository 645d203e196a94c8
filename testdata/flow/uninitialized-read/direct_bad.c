/* counter: the total of a batch, with the accumulator never set */
#include <stdio.h>

int batch_total(const int *v, int n)
{
    int total;

    for (int i = 0; i < n; i++)
        printf("%d\n", v[i]);
    return total; // flaw
}
