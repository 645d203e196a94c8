/* archive lister: walks the member records, each prefixed with its name length */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_NAME 4096u

int list_members(FILE *fp, FILE *out)
{
    uint32_t name_len;
    int count = 0;

    while (fread(&name_len, sizeof name_len, 1, fp) == 1) {
        char *name;

        if (name_len > MAX_NAME)
            return -1;
        name = malloc(name_len + 1u);
        if (!name)
            return -1;
        if (fread(name, 1, name_len, fp) != name_len) {
            free(name);
            return -1;
        }
        name[name_len] = '\0';
        fprintf(out, "%s\n", name);
        free(name);
        count++;
    }
    return count;
}
