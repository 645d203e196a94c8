/* histogram printer: one count per input line, drawn as a bar */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char line[64];

    while (fgets(line, sizeof line, stdin)) {
        long n = strtol(line, NULL, 10);
        long j;

        for (j = 0; j < n; j++) // flaw
            putchar('#');
        putchar('\n');
    }
    return 0;
}
