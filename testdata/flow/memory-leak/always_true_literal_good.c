/* csv reader: the shortcut is compiled dead, so the row copy is freed before returning */
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
    if (0)
        return n;
    free(copy);
    return n;
}
