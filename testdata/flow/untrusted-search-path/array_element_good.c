/* status page: runs one of a fixed set of diagnostic commands */
#include <stdio.h>

static const char *diagnostics[] = {
    "/usr/bin/uptime",
    "/bin/df -h /",
    "/usr/bin/free -m",
};

int run_diagnostic(unsigned int which, FILE *out)
{
    char line[256];
    FILE *p;

    if (which >= sizeof diagnostics / sizeof diagnostics[0])
        return -1;
    p = popen(diagnostics[which], "r");
    if (!p)
        return -1;
    while (fgets(line, sizeof line, p))
        fputs(line, out);
    return pclose(p);
}
