/* image tool: scales a picture down by the factor the user types */
#include <stdio.h>

int main(void)
{
    int width = 1920, height = 1080;
    int factor;
    int scale;

    printf("scale-down factor: ");
    fflush(stdout);
    if (scanf("%d", &factor) != 1)
        return 1;
    scale = factor;
    if (scale <= 0) {
        fprintf(stderr, "factor must be positive\n");
        return 1;
    }
    printf("%dx%d\n", width / scale, height / scale);
    return 0;
}
