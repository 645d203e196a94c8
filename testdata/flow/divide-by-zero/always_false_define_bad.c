/* load tester: optionally spreads requests over a random number of workers */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define RANDOM_SPREAD 1

int main(void)
{
    int requests = 10000, workers = 8, per_worker;

    srand((unsigned)time(NULL));
    if (RANDOM_SPREAD)
        workers = rand() % 16;
    per_worker = requests / workers; // flaw
    printf("%d workers, %d requests each\n", workers, per_worker);
    return 0;
}
