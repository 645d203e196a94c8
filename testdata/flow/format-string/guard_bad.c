/* tiny web server: error pages are templates read from disk */
#include <stdio.h>
#include <string.h>

int error_page(char *out, size_t outlen, int code)
{
    char page[512];
    char path[64];
    size_t n;
    FILE *fp;

    snprintf(path, sizeof path, "/var/www/errors/%d.html", code);
    fp = fopen(path, "r");
    if (!fp)
        return -1;
    n = fread(page, 1, sizeof page - 1, fp);
    fclose(fp);
    page[n] = '\0';
    snprintf(out, outlen, page, code); // flaw
    return 0;
}
