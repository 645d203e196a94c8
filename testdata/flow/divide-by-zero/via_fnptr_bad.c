/* calculator service: applies the ratio operation to two numbers */
#include <stdio.h>

int ratio_raw(int a, int b)
{
    return a / b; // flaw
}

int ratio_checked(int a, int b)
{
    if (b == 0)
        return 0;
    return a / b;
}

int main(void)
{
    int (*ratio)(int, int) = ratio_raw;
    int a, b;

    if (scanf("%d %d", &a, &b) != 2)
        return 1;
    printf("%d\n", ratio(a, b));
    return 0;
}
