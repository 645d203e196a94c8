/* report viewer: shows a report from the reports directory */
#include <stdio.h>
#include <string.h>

static int show_report(const char *name)
{
    char path[256];
    char line[256];
    FILE *fp;

    snprintf(path, sizeof path, "/var/lib/reports/%s.txt", name);
    fp = fopen(path, "r"); // flaw
    if (!fp)
        return -1;
    while (fgets(line, sizeof line, fp))
        fputs(line, stdout);
    fclose(fp);
    return 0;
}

int main(void)
{
    char name[128];

    if (!fgets(name, sizeof name, stdin))
        return 1;
    name[strcspn(name, "\n")] = '\0';
    return show_report(name) == 0 ? 0 : 1;
}
