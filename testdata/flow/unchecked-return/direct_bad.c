/* config loader: reads the first line of a settings file and prints the configured name */
#include <stdio.h>
#include <string.h>

int show_name(const char *path)
{
    char line[128];
    FILE *f = fopen(path, "r");

    if (!f)
        return -1;
    fgets(line, sizeof(line), f); // flaw
    line[strcspn(line, "\n")] = '\0';
    printf("name: %s\n", line);
    fclose(f);
    return 0;
}

int main(void)
{
    return show_name("/etc/demo/name.conf") == 0 ? 0 : 1;
}
