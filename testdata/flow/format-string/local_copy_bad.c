/* game server: greets a player with the banner template a mod file provides */
#include <stdio.h>
#include <string.h>

int print_banner(const char *mod_file, const char *player)
{
    char line[160];
    char banner[160];
    FILE *f = fopen(mod_file, "r");

    if (!f)
        return -1;
    if (!fgets(line, sizeof line, f)) {
        fclose(f);
        return -1;
    }
    fclose(f);
    line[strcspn(line, "\n")] = '\0';
    strcpy(banner, line);
    printf(banner, player); // flaw
    putchar('\n');
    return 0;
}
