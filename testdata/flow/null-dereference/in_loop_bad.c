/* header parser: each line's colon is cut without checking that there is one */
#include <string.h>

int cut_headers(char **lines, int n)
{
    int cut = 0;

    for (int i = 0; i < n; i++) {
        char *colon = strchr(lines[i], ':');
        *colon = '\0'; // flaw
        cut++;
    }
    return cut;
}
