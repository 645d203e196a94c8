/* hosts lookup: the hosts file is opened with fopen() and closed with fclose() */
#include <stdio.h>
#include <string.h>

int host_known(const char *name)
{
    FILE *f = fopen("/etc/hosts", "r");
    char line[256];
    int found = 0;

    if (!f)
        return -1;
    while (!found && fgets(line, sizeof line, f))
        if (line[0] != '#' && strstr(line, name))
            found = 1;
    fclose(f);
    return found;
}
