/* main.c: the member stream is discarded like a heap block */
#include <stdio.h>
#include "archive.h"

int first_byte(const char *name)
{
    FILE *in = archive_open(name);
    int c;

    if (!in)
        return -1;
    c = fgetc(in);
    archive_discard(in); // flaw
    return c;
}
