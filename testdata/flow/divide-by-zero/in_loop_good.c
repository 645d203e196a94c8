/* accounting report: prints the average order value of each customer line */
#include <stdio.h>

int main(void)
{
    char name[64];
    long total;
    int orders;

    while (scanf("%63s %ld %d", name, &total, &orders) == 3) {
        if (orders <= 0) {
            printf("%s: no orders\n", name);
            continue;
        }
        printf("%s: %ld per order\n", name, total / orders);
    }
    return 0;
}
