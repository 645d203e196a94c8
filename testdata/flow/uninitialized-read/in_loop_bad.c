/* scanner: the last value seen, where the number of passes may be zero */
#include <stdio.h>

int last_value(int use_all)
{
    int last;
    int passes = use_all ? 4 : 0;

    for (int i = 0; i < passes; i++)
        last = i * 2;
    return last; // flaw
}
