#include <stdio.h>
#include "store.h"

ssize_t store_put_record(int fd, const char *key, const char *val)
{
    char rec[128];
    int len = snprintf(rec, sizeof(rec), "%s=%s\n", key, val);

    if (len < 0 || (size_t)len >= sizeof(rec))
        return -1;
    return raw_put(fd, rec, (size_t)len);
}
