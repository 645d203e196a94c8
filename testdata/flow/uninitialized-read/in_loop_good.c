/* scanner: the last value seen over a fixed number of passes (at least one) */
#include <stdio.h>

int last_value(void)
{
    int last;

    for (int i = 0; i < 4; i++)
        last = i * 2;
    return last;
}
