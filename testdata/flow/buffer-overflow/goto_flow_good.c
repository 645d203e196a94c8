/* a config loader jumps to its error label, whose buffer holds the message */
#include <stdio.h>
#include <string.h>

int load_config(const char *path)
{
    char err[32];
    char line[128];
    const char *why = "config file unreadable";
    FILE *f = fopen(path, "r");

    if (f == NULL)
        goto fail;
    if (fgets(line, sizeof line, f) == NULL) {
        fclose(f);
        goto fail;
    }
    fclose(f);
    return 0;
fail:
    strcpy(err, why);
    fputs(err, stderr);
    return -1;
}
