/* audit log: the stream is written behind a condition that always holds */
#include <stdio.h>

void audit(const char *event)
{
    FILE *f = fopen("/var/log/audit.txt", "a");

    if (1) {
        fputs(event, f); // flaw
        fclose(f);
    }
}
