/* config loader: the error path frees the buffer and then copies from it */
#include <stdlib.h>
#include <string.h>

int load_name(const char *src, char *out, size_t outlen)
{
    char *buf = malloc(64);

    if (!buf)
        return -1;
    if (strlen(src) >= 64)
        goto fail;
    strcpy(buf, src);
    free(buf);
    strncpy(out, buf, outlen); // flaw
    return 0;
fail:
    free(buf);
    return -1;
}
