/* maze generator: the depth comes from the level file */
#include <stdio.h>

static int carve(int *cells, int depth)
{
    int i, n = 0;

    for (i = 0; i < depth; i++)
        n += cells[i % 16] ^ i;
    return n;
}

static int build_level(int depth)
{
    int cells[16] = { 0 };

    return carve(cells, depth);
}

int main(void)
{
    int depth = 4;
    FILE *fp = fopen("level.dat", "r");

    if (fp) {
        if (fscanf(fp, "%d", &depth) != 1)
            depth = 4;
        fclose(fp);
    }
    if (depth < 0 || depth > 64)
        depth = 4;
    printf("%d\n", build_level(depth));
    return 0;
}
