/* geometry: a point zero-initialised before its coordinates are read */
#include <stdio.h>

struct point {
    int x, y;
};

int point_sum(void)
{
    struct point p = {0};

    return p.x + 1;
}
