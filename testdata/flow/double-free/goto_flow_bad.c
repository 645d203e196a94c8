/* archive writer: the cleanup label frees the header a second time after the early free */
#include <stdlib.h>
#include <string.h>

int write_header(const char *name)
{
    char *hdr = malloc(512);
    int rc = -1;

    if (!hdr)
        return -1;
    memset(hdr, 0, 512);
    if (strlen(name) >= 100) {
        free(hdr);
        goto out;
    }
    strcpy(hdr, name);
    rc = 0;
    free(hdr);
    hdr = NULL;
    return rc;
out:
    free(hdr); // flaw
    return rc;
}
