/* ls-like listing tool: an optional line template is read from stdin */
#include <stdio.h>
#include <string.h>

struct entry {
    const char *name;
    long size;
};

int main(void)
{
    static const struct entry files[] = { { "README", 1200 }, { "Makefile", 380 } };
    char custom[96];
    const char *formats[2];
    size_t i;

    formats[0] = "%-20s %8ld\n";
    formats[1] = NULL;
    if (fgets(custom, sizeof custom, stdin))
        formats[1] = custom;
    if (formats[1] == NULL)
        return 1;
    for (i = 0; i < sizeof files / sizeof files[0]; i++)
        printf(formats[1], files[i].name, files[i].size); // flaw
    return 0;
}
