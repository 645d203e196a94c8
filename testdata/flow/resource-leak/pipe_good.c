/* version probe: reads the first line a command prints, then closes the pipe */
#include <stdio.h>
#include <string.h>

int tool_version(char *out, int size)
{
    FILE *p = popen("/usr/bin/gzip --version", "r");

    if (!p)
        return -1;
    if (!fgets(out, size, p))
        out[0] = '\0';
    out[strcspn(out, "\n")] = '\0';
    return pclose(p) == 0 ? 0 : -1;
}
