/* csv reader: an always-taken shortcut returns the field count before the row copy is freed */
#include <stdlib.h>
#include <string.h>

int count_fields(const char *row)
{
    char *copy = strdup(row);
    char *tok, *save = NULL;
    int n = 0;

    if (!copy)
        return -1;
    for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
        n++;
    if (1)
        return n; // flaw
    free(copy);
    return n;
}
