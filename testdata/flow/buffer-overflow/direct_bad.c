/* a default host name is copied, terminator included, into a buffer too small for it */
#include <stdio.h>
#include <string.h>

void default_host(void)
{
    const char *fallback = "localhost";
    char host[8];

    memcpy(host, fallback, strlen(fallback) + 1); // flaw
    printf("connecting to %s\n", host);
}
