/* service wrapper: may pass the preload setting of the unit file through */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int g_pass_preload = 0;

int wrap_service(FILE *unit)
{
    char line[256];

    while (fgets(line, sizeof line, unit)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "Preload=", 8) != 0)
            continue;
        if (g_pass_preload)
            return setenv("LD_PRELOAD", line + 8, 1);
    }
    return 0;
}
