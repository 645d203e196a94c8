/* a default host name is copied, terminator included, into a buffer large enough for it */
#include <stdio.h>
#include <string.h>

void default_host(void)
{
    const char *fallback = "localhost";
    char host[16];

    memcpy(host, fallback, strlen(fallback) + 1);
    printf("connecting to %s\n", host);
}
