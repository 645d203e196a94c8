/* message parser: the first buffer is tested with a goto, the second one is not */
#include <stdlib.h>
#include <string.h>

int parse_pair(const char *k, const char *v, char **ko, char **vo)
{
    char *key = strdup(k);
    char *val = NULL;

    if (!key)
        goto fail;
    val = malloc(strlen(v) + 1);
    strcpy(val, v); // flaw
    *ko = key;
    *vo = val;
    return 0;
fail:
    free(key);
    return -1;
}
