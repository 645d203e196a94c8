/* mail counter: uses a translated message when catalogs are enabled */
#include <stdio.h>
#include <string.h>

static int catalogs_enabled(void)
{
    return 0;
}

int report(FILE *catalog, int count)
{
    char entry[128];
    const char *fmt = "%d new messages\n";

    if (!fgets(entry, sizeof entry, catalog))
        return -1;
    if (catalogs_enabled())
        fmt = entry;
    printf(fmt, count);
    return 0;
}
