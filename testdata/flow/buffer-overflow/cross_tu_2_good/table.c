/* table.c: a lookup table read at the index its caller gives */
#include "table.h"

static const int weights[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

int table_get(unsigned idx)
{
    return weights[idx];
}
