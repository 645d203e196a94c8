/* address book: the entry count comes first in the import file */
#include <stdio.h>
#include <stdlib.h>

static int read_count(FILE *fp)
{
    int n;

    if (fscanf(fp, "%d", &n) != 1 || n < 0 || n > 100000)
        return 0;
    return n;
}

char *import_book(FILE *fp)
{
    int n = read_count(fp);
    char *entries;

    if (n <= 0)
        return NULL;
    entries = malloc(n * 160);
    return entries;
}
