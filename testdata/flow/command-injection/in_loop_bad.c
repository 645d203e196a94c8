/* package helper: installs every package listed in a manifest file */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int install_manifest(const char *manifest)
{
    char pkg[128];
    char cmd[256];
    int failures = 0;
    FILE *f = fopen(manifest, "r");

    if (!f)
        return -1;
    while (fgets(pkg, sizeof pkg, f)) {
        pkg[strcspn(pkg, "\r\n")] = '\0';
        if (pkg[0] == '\0' || pkg[0] == '#')
            continue;
        snprintf(cmd, sizeof cmd, "/usr/bin/apt-get install -y %s", pkg);
        if (system(cmd) != 0) // flaw
            failures++;
    }
    fclose(f);
    return failures;
}
