/* main.c: prints a new line and the number of lines made */
#include <stdio.h>
#include <stdlib.h>
#include "line.h"

int main(void)
{
    char *l = line_new();

    if (l == NULL)
        return 1;
    fputs(l, stdout);
    printf("%lu\n", lines_made());
    free(l);
    return 0;
}
