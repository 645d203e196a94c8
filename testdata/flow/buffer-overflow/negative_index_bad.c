/* a signed slot number from the input is checked against the top only */
#include <stdio.h>
#include <stdlib.h>

static const int prices[10] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};

int price_of_input(void)
{
    char line[32];
    int slot;

    if (!fgets(line, sizeof line, stdin))
        return -1;
    slot = atoi(line);
    if (slot < 10)
        return prices[slot]; // flaw
    return -1;
}
