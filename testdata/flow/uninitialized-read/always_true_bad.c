/* debug build: the value is only set when a constant flag is off, and it is on */
#include <stdio.h>

int verbosity(void)
{
    int level;
    const int quiet = 1;

    if (!quiet)
        level = 3;
    return level; // flaw
}
