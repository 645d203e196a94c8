/* job scheduler: shares the queued jobs between the worker threads */
#include <stdio.h>

int g_workers = 0;

int jobs_per_worker(FILE *queue)
{
    int jobs = 0;
    char line[128];

    while (fgets(line, sizeof line, queue)) {
        if (line[0] == '#')
            continue;
        jobs++;
    }
    return jobs / g_workers; // flaw
}

int main(void)
{
    printf("%d jobs per worker\n", jobs_per_worker(stdin));
    return 0;
}
