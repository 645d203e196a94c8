/* CSV importer: the header line announces the row count */
#include <stdio.h>
#include <stdlib.h>

struct row {
    char name[40];
    double value;
};

static unsigned int g_rows;

int read_header(FILE *fp)
{
    unsigned int rows;

    if (fscanf(fp, "rows=%u\n", &rows) != 1 || rows > 100000)
        return -1;
    g_rows = rows;
    return 0;
}

struct row *alloc_rows(void)
{
    unsigned int bytes = g_rows * (unsigned int)sizeof(struct row);

    return malloc(bytes);
}
