/* login banner: with STATIC_BANNER on, the banner is a literal, and the release frees it */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STATIC_BANNER 1

static char *make_banner(const char *host)
{
    char *b;
    size_t n;

    if (STATIC_BANNER)
        return "welcome";
    n = strlen(host) + 16;
    b = malloc(n);
    if (b)
        snprintf(b, n, "welcome to %s", host);
    return b;
}

int greet(FILE *out, const char *host)
{
    char *banner = make_banner(host);
    int rc;

    if (!banner)
        return -1;
    rc = fputs(banner, out);
    free(banner); // flaw
    return rc;
}
