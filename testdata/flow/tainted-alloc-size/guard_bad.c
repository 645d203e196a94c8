/* statistics tool: reads n values and prints their mean */
#include <stdio.h>

int main(void)
{
    int n, i;
    double sum = 0;

    if (scanf("%d", &n) != 1 || n <= 0)
        return 1;
    double v[n]; // flaw
    for (i = 0; i < n; i++) {
        if (scanf("%lf", &v[i]) != 1)
            return 1;
        sum += v[i];
    }
    printf("mean %f\n", sum / n);
    return 0;
}
