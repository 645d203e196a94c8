/* field splitter: each field is copied into a stack slot, and the loop frees the slot it used */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void print_fields(const char *const *fields, int n)
{
    char slot[64];
    int i;

    for (i = 0; i < n; i++) {
        char *f = slot;
        strncpy(f, fields[i], sizeof slot - 1);
        f[sizeof slot - 1] = '\0';
        puts(f);
        free(f); // flaw
    }
}
