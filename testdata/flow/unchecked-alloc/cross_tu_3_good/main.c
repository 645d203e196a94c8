/* main.c: a header line is joined from name and value, tested, then its first letter is upper-cased */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include "str.h"

int put_header(FILE *out, const char *name, const char *value)
{
    char *line = str_join(name, value);
    int rc;

    if (!line)
        return -1;
    line[0] = (char)toupper((unsigned char)line[0]);
    rc = fputs(line, out);
    free(line);
    return rc;
}
