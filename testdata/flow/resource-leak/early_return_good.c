/* header check: every path closes the file */
#include <stdio.h>
#include <string.h>

int is_png(const char *path)
{
    static const unsigned char magic[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    unsigned char head[8];
    FILE *f = fopen(path, "rb");
    int ok;

    if (!f)
        return -1;
    if (fread(head, 1, sizeof head, f) != sizeof head)
        ok = 0;
    else
        ok = memcmp(head, magic, sizeof magic) == 0;
    fclose(f);
    return ok;
}
