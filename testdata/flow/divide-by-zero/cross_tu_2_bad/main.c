/* latency report: reads a sample file (count, then the samples) and prints the mean */
#include <stdio.h>
#include "stats.h"

int main(void)
{
    int samples, i, v, total = 0;
    FILE *f = fopen("/var/lib/probe/latency.dat", "r");

    if (!f)
        return 1;
    if (fscanf(f, "%d", &samples) != 1) {
        fclose(f);
        return 1;
    }
    for (i = 0; i < samples && i < 10000 && fscanf(f, "%d", &v) == 1; i++)
        total += v % 100000;
    fclose(f);
    printf("mean latency: %d ms\n", average_ms(total, samples));
    return 0;
}
