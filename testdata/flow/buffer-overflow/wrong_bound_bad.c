/* a length from the input terminates a line buffer: checked against sizeof, not sizeof - 1 */
#include <stdio.h>
#include <stdlib.h>

void terminate(void)
{
    char buf[16];
    char line[32];
    int n;

    if (!fgets(line, sizeof line, stdin))
        return;
    n = (int)strtol(line, NULL, 10);
    if (n >= 0 && n <= (int)sizeof buf)
        buf[n] = '\0'; // flaw
    puts(buf);
}
