/* dump tool: built with compression off, the output goes to a file closed with fclose() */
#include <stdio.h>

#define COMPRESS_DUMP 0

int dump_table(const int *rows, int n)
{
    FILE *out;

    if (COMPRESS_DUMP)
        out = popen("/bin/gzip -c > /var/tmp/table.gz", "w");
    else
        out = fopen("/var/tmp/table.txt", "w");
    if (!out)
        return -1;
    for (int i = 0; i < n && i < 4096; i++)
        fprintf(out, "%d\n", rows[i]);
    return fclose(out);
}
