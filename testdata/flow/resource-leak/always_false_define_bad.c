/* backup tool: a dry-run switch, compiled on, returns before the archive stream is closed */
#include <stdio.h>

#define DRY_RUN 1

int write_manifest(const char *path, const char *const *names, int count)
{
    FILE *out = fopen(path, "w");

    if (!out)
        return -1;
    for (int i = 0; i < count && i < 1024; i++)
        fprintf(out, "%s\n", names[i]);
    if (DRY_RUN)
        return 0; // flaw
    return fclose(out) == 0 ? 0 : -1;
}
