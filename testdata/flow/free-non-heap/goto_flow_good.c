/* record parser: the error path jumps to a cleanup that frees only a heap copy */
#include <stdlib.h>
#include <string.h>

int parse_record(const char *rec, size_t len)
{
    char *work = malloc(len + 1);
    int rc = -1;

    if (!work)
        return -1;
    memcpy(work, rec, len);
    work[len] = '\0';
    if (strchr(work, ';') == NULL)
        goto out;
    rc = 0;
out:
    free(work);
    return rc;
}
