/* retry policy: a branch forced off with if (0) leaves the parse that sets the delay */
#include <stdio.h>
#include <stdlib.h>

int retry_delay(const char *spec)
{
    int delay;

    if (0)
        fputs("retry: spec ignored\n", stderr);
    else
        delay = atoi(spec);
    return delay * 2;
}
