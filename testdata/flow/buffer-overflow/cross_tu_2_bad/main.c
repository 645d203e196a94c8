/* main.c: sums the table, reading one entry past its end */
#include "table.h"

int total(void)
{
    int s = 0;

    for (unsigned i = 0; i <= 16; i++)
        s += table_get(i);
    return s;
}
