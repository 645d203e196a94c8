/* field splitter: each field is duplicated on the heap, and the loop frees that copy */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void print_fields(const char *const *fields, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        char *f = strdup(fields[i]);
        if (!f)
            continue;
        puts(f);
        free(f);
    }
}
