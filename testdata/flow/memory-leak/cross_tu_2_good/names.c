/* names.c: a lower-cased copy of a name, and a helper to drop one */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "names.h"

char *name_lower(const char *s)
{
    char *copy = strdup(s);

    if (!copy)
        return NULL;
    for (char *p = copy; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return copy;
}

void name_drop(char *name)
{
    free(name);
}
