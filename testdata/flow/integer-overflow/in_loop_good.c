/* scanline decoder: each row of the file starts with its pixel count */
#include <stdio.h>
#include <stdlib.h>

int decode_rows(FILE *fp, FILE *out)
{
    unsigned int n;

    while (fscanf(fp, "%u:", &n) == 1) {
        if (n > 65536)
            return -1;
        unsigned char *row = malloc(n * 3u);
        size_t got;

        if (!row)
            return -1;
        got = fread(row, 3, n, fp);
        fwrite(row, 3, got, out);
        free(row);
    }
    return 0;
}
