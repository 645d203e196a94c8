/* geometry: a point returned with its coordinates never set */
#include <stdio.h>

struct point {
    int x, y;
};

int point_sum(void)
{
    struct point p;

    return p.x + 1; // flaw
}
