/* size tool: prints a byte count, optionally with a user-supplied format */
#include <stdio.h>
#include <string.h>

#define ALLOW_CUSTOM_FORMAT 1

int main(void)
{
    char custom[64];
    long size = 4096;

    if (!fgets(custom, sizeof custom, stdin))
        return 1;
    custom[strcspn(custom, "\n")] = '\0';
    if (ALLOW_CUSTOM_FORMAT)
        fprintf(stdout, custom, size); // flaw
    else
        fprintf(stdout, "%ld bytes (%s)\n", size, custom);
    return 0;
}
