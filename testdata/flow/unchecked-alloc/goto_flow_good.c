/* message parser: both buffers are tested, each failure leaves through the cleanup label */
#include <stdlib.h>
#include <string.h>

int parse_pair(const char *k, const char *v, char **ko, char **vo)
{
    char *key = strdup(k);
    char *val = NULL;

    if (!key)
        goto fail;
    val = malloc(strlen(v) + 1);
    if (!val)
        goto fail;
    strcpy(val, v);
    *ko = key;
    *vo = val;
    return 0;
fail:
    free(key);
    return -1;
}
