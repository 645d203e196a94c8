/* main.c: the member stream is closed with pclose() */
#include <stdio.h>
#include "archive.h"

int first_byte(const char *name)
{
    FILE *in = archive_open(name);
    int c;

    if (!in)
        return -1;
    c = fgetc(in);
    pclose(in);
    return c;
}
