/* record parser: the error path jumps to a cleanup that frees the stack scratch buffer */
#include <stdlib.h>
#include <string.h>

int parse_record(const char *rec, size_t len)
{
    char scratch[96];
    char *work = scratch;
    int rc = -1;

    if (len >= sizeof scratch)
        goto out;
    memcpy(work, rec, len);
    work[len] = '\0';
    if (strchr(work, ';') == NULL)
        goto out;
    rc = 0;
    return rc;
out:
    free(work); // flaw
    return rc;
}
