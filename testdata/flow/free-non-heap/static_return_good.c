/* error text: the formatter returns its static buffer, and the logger leaves it alone */
#include <stdio.h>
#include <stdlib.h>

static char errbuf[256];

static char *format_error(int code)
{
    snprintf(errbuf, sizeof errbuf, "error %d", code);
    return errbuf;
}

void log_error(int code)
{
    char *msg = format_error(code);

    fputs(msg, stderr);
    fputc('\n', stderr);
}
