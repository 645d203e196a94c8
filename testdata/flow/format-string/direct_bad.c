/* du-report: prints a usage report whose title comes from its config file */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char title[128];
    int users = 42;
    FILE *cfg = fopen("/etc/dureport/title.conf", "r");

    if (!cfg)
        return 1;
    if (!fgets(title, sizeof title, cfg)) {
        fclose(cfg);
        return 1;
    }
    fclose(cfg);
    title[strcspn(title, "\n")] = '\0';
    printf(title, users); // flaw
    putchar('\n');
    return 0;
}
