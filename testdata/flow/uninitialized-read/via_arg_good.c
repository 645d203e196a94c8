/* stats: an out-parameter helper sets the counter before the caller reads it */
#include <stdio.h>

static void reset(int *counter)
{
    *counter = 0;
}

int count_events(void)
{
    int events;

    reset(&events);
    return events + 1;
}
