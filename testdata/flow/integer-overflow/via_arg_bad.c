/* spreadsheet tool: allocates a grid with sizes typed by the user */
#include <stdio.h>
#include <stdlib.h>

static double *new_grid(unsigned int rows, unsigned int cols)
{
    return calloc(rows * cols, sizeof(double)); // flaw
}

int main(void)
{
    unsigned int rows, cols;
    double *grid;

    if (scanf("%u %u", &rows, &cols) != 2)
        return 1;
    grid = new_grid(rows, cols);
    if (!grid)
        return 1;
    grid[(size_t)rows * cols - 1] = 1.0;
    free(grid);
    return 0;
}
