/* config reader: the cleanup label closes the stream only when it was opened */
#include <stdio.h>

int first_byte(const char *path)
{
    FILE *f = fopen(path, "r");
    int c = -1;

    if (!f)
        goto out;
    c = fgetc(f);
out:
    if (f)
        fclose(f);
    return c;
}
