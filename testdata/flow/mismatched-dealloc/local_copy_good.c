/* audit trail: the stream is kept in a second variable and closed with fclose() through it */
#include <stdio.h>
#include <stdlib.h>

int append_audit(const char *path, const char *who)
{
    FILE *f = fopen(path, "a");
    FILE *keep;

    if (!f)
        return -1;
    keep = f;
    fprintf(keep, "login %s\n", who);
    fclose(keep);
    return 0;
}
