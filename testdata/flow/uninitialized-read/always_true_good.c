/* debug build: the value is set when a constant flag is on, and it is */
#include <stdio.h>

int verbosity(void)
{
    int level;
    const int quiet = 1;

    if (quiet)
        level = 0;
    return level;
}
