/* disk report: an always-taken early return skips closing the df pipe */
#include <stdio.h>
#include <string.h>

int root_usage(char *out, int size)
{
    FILE *p = popen("/bin/df -P /", "r");
    char line[256];

    if (!p)
        return -1;
    out[0] = '\0';
    while (fgets(line, sizeof line, p))
        if (line[0] == '/')
            snprintf(out, (size_t)size, "%s", line);
    if (5 == 5)
        return out[0] ? 0 : -1; // flaw
    return pclose(p) == 0 && out[0] ? 0 : -1;
}
