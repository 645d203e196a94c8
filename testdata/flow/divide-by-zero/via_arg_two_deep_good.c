/* text formatter: lays out words in the column count from its config */
#include <stdio.h>

static int column_width(int line_width, int columns)
{
    return line_width / columns;
}

static void layout(int columns)
{
    int w = column_width(80, columns);

    printf("%d columns of %d characters\n", columns, w);
}

int main(void)
{
    int columns = 1;
    FILE *cfg = fopen("/etc/fmt.conf", "r");

    if (cfg) {
        if (fscanf(cfg, "columns=%d", &columns) != 1)
            columns = 1;
        fclose(cfg);
        if (columns < 1 || columns > 80)
            columns = 1;
    }
    layout(columns);
    return 0;
}
