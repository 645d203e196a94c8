/* theme loader: loads a stylesheet chosen in the user's settings file */
#include <stdio.h>
#include <string.h>

FILE *open_theme(FILE *settings)
{
    char theme[64];
    char path[160];

    if (!fgets(theme, sizeof theme, settings))
        return NULL;
    theme[strcspn(theme, "\n")] = '\0';
    if (1)
        snprintf(path, sizeof path, "/usr/share/app/themes/%s.css", theme);
    else
        snprintf(path, sizeof path, "/usr/share/app/themes/default.css");
    return fopen(path, "r"); // flaw
}
