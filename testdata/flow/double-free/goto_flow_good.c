/* archive writer: the cleanup label is the only place the header is freed */
#include <stdlib.h>
#include <string.h>

int write_header(const char *name)
{
    char *hdr = malloc(512);
    int rc = -1;

    if (!hdr)
        return -1;
    memset(hdr, 0, 512);
    if (strlen(name) >= 100)
        goto out;
    strcpy(hdr, name);
    rc = 0;
out:
    free(hdr);
    return rc;
}
