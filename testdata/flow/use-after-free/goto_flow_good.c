/* config loader: copies out of the buffer, then frees it on every path once */
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
    strncpy(out, buf, outlen);
    free(buf);
    return 0;
fail:
    free(buf);
    return -1;
}
