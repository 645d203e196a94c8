/* header parser: lines without a colon are skipped */
#include <string.h>

int cut_headers(char **lines, int n)
{
    int cut = 0;

    for (int i = 0; i < n; i++) {
        char *colon = strchr(lines[i], ':');
        if (!colon)
            continue;
        *colon = '\0';
        cut++;
    }
    return cut;
}
