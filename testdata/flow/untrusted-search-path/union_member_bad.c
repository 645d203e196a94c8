/* system panel: shows the uptime reported by the uptime tool */
#include <stdio.h>

union tool {
    const char *name;
    const char *command;
};

int main(void)
{
    union tool t;
    char line[128];
    FILE *p;

    t.name = "uptime -p";
    p = popen(t.command, "r"); // flaw
    if (!p)
        return 1;
    if (fgets(line, sizeof line, p))
        printf("up: %s", line);
    return pclose(p) == 0 ? 0 : 1;
}
