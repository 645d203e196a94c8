/* histogram printer: one count per input line, drawn as a bar */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char line[64];

    while (fgets(line, sizeof line, stdin)) {
        long n = strtol(line, NULL, 10);
        long j;

        if (n > 72)
            n = 72;

        for (j = 0; j < n; j++)
            putchar('#');
        putchar('\n');
    }
    return 0;
}
