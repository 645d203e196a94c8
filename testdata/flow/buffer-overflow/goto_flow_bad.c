/* a config loader jumps to its error label, which copies a long message into a short buffer */
#include <stdio.h>
#include <string.h>

int load_config(const char *path)
{
    char err[16];
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
    strcpy(err, why); // flaw
    fputs(err, stderr);
    return -1;
}
