#include <stdio.h>
#include <string.h>
#include "motd.h"

int load_template(const char *file, char *out, size_t size)
{
    FILE *f = fopen(file, "r");

    if (!f)
        return -1;
    if (!fgets(out, (int)size, f)) {
        fclose(f);
        return -1;
    }
    fclose(f);
    out[strcspn(out, "\n")] = '\0';
    return 0;
}
