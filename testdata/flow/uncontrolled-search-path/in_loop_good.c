/* session manager: applies KEY=VALUE lines from the user's session file */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int apply_session(FILE *fp)
{
    char line[256];

    while (fgets(line, sizeof line, fp)) {
        char *eq = strchr(line, '=');

        if (!eq)
            continue;
        *eq = '\0';
        if (strcmp(line, "LANG") != 0 && strcmp(line, "TZ") != 0)
            continue;
        eq[1 + strcspn(eq + 1, "\n")] = '\0';
        if (setenv(line, eq + 1, 1) != 0)
            return -1;
    }
    return 0;
}
