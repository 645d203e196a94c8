/* a debug dump behind a condition that never holds: the overrun is dead code */
#include <stdio.h>

#define DEBUG_DUMP 0

void dump(void)
{
    int regs[4] = {1, 2, 3, 4};
    int i;

    if (DEBUG_DUMP) {
        for (i = 0; i <= 4; i++)
            printf("%d\n", regs[i]);
    }
    for (i = 0; i < 4; i++)
        printf("%d\n", regs[i]);
}
