/* stats: a helper that increments a counter is given one that was never set */
#include <stdio.h>

static void bump(int *counter)
{
    *counter = *counter + 1;
}

int count_events(void)
{
    int events;

    bump(&events); // flaw
    return events;
}
