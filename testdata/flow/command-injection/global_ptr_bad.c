/* kiosk helper: the last line read is kept in a global that the opener uses */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *g_target;

static int open_target(void)
{
    char cmd[300];

    snprintf(cmd, sizeof cmd, "/usr/bin/xdg-open %s", g_target);
    return system(cmd); // flaw
}

int kiosk_step(void)
{
    char line[200];

    if (!fgets(line, sizeof line, stdin))
        return -1;
    line[strcspn(line, "\n")] = '\0';
    g_target = line;
    return open_target();
}
