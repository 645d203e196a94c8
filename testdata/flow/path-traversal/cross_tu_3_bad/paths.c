#include <stdio.h>
#include <string.h>
#include "paths.h"

int mailbox_path(const char *user, char *out, size_t outlen)
{
    if (user[0] == '\0')
        return -1;
    snprintf(out, outlen, "/var/mail/%s", user);
    return 0;
}
