/* message catalog: one translated message per file */
#include <stdio.h>
#include <string.h>
#include "catalog.h"

const char *catalog_lookup(const char *path)
{
    static char msg[160];
    FILE *fp = fopen(path, "r");

    if (!fp)
        return "%d files copied\n";
    if (!fgets(msg, sizeof msg, fp)) {
        fclose(fp);
        return "%d files copied\n";
    }
    fclose(fp);
    if (strchr(msg, '%') != NULL)
        return "%d files copied\n";
    return msg;
}
