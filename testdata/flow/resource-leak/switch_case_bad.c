/* exporter: one output format forgets to close the stream */
#include <stdio.h>

int export_report(const char *path, int format, int value)
{
    FILE *out = fopen(path, "w");

    if (!out)
        return -1;
    switch (format) {
    case 0:
        fprintf(out, "%d\n", value);
        break;
    case 1:
        fprintf(out, "{\"value\": %d}\n", value);
        return 0; // flaw
    default:
        fprintf(out, "value=%d\n", value);
        break;
    }
    fclose(out);
    return 0;
}
