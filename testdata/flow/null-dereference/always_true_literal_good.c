/* audit log: the unchecked write is behind a condition that never holds */
#include <stdio.h>

void audit(const char *event)
{
    FILE *f = fopen("/var/log/audit.txt", "a");

    if (0) {
        fputs(event, f);
        fclose(f);
    }
}
