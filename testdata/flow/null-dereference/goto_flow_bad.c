/* config reader: the cleanup label closes the stream even when opening failed */
#include <stdio.h>

int first_byte(const char *path)
{
    FILE *f = fopen(path, "r");
    int c = -1;

    if (!f)
        goto out;
    c = fgetc(f);
out:
    fclose(f); // flaw
    return c;
}
