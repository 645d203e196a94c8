/* quota tool: prints the usage line with a template read from stdin */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char fmt[128];
    const char *line = "%s uses %ld blocks\n";
    const char *user = "backup";
    long blocks = 4096;

    if (!fgets(fmt, sizeof fmt, stdin))
        return 1;
    fmt[strcspn(fmt, "\n")] = '\0';
    if (1)
        line = fmt;
    printf(line, user, blocks); // flaw
    return 0;
}
