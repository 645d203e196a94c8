/* report viewer: opens a report named on stdin, in a flat or nested report tree */
#include <stdio.h>
#include <string.h>

int flat_reports = 1;

int main(void)
{
    char name[128], path[256], line[256];
    FILE *f;

    if (!fgets(name, sizeof name, stdin))
        return 1;
    name[strcspn(name, "\n")] = '\0';
    if (flat_reports) {
        if (strchr(name, '/') != NULL)
            return 1;
    }
    snprintf(path, sizeof path, "/var/reports/%s", name);
    f = fopen(path, "r");
    if (!f)
        return 1;
    while (fgets(line, sizeof line, f))
        fputs(line, stdout);
    fclose(f);
    return 0;
}
