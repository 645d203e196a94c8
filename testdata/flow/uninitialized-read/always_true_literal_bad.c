/* retry policy: a branch forced on with if (1) skips the parse that sets the delay */
#include <stdio.h>
#include <stdlib.h>

int retry_delay(const char *spec)
{
    int delay;

    if (1)
        fputs("retry: spec ignored\n", stderr);
    else
        delay = atoi(spec);
    return delay * 2; // flaw
}
