/* main.c: appends one event to the daily log, never closing it */
#include <stdio.h>
#include "logf.h"

int log_event(const char *dir, const char *event)
{
    FILE *f = log_open(dir);

    if (!f)
        return -1;
    fprintf(f, "%s\n", event);
    return 0; // flaw
}
