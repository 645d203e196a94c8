/* reply builder: each status gets its text, and only heap texts are released after sending */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int send_status(FILE *out, int code, const char *detail)
{
    char *text;
    char errbuf[64];
    int rc = -1;

    switch (code) {
    case 200:
        text = strdup("OK");
        if (!text)
            break;
        rc = fprintf(out, "200 %s\r\n", text);
        free(text);
        break;
    case 404:
        snprintf(errbuf, sizeof errbuf, "Not Found: %s", detail);
        text = errbuf;
        rc = fprintf(out, "404 %s\r\n", text);
        break;
    default:
        rc = fprintf(out, "%d Error\r\n", code);
        break;
    }
    return rc;
}
