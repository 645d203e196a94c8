/* nightly maintenance: runs each housekeeping command in turn */
#include <stdio.h>
#include <stdlib.h>

int nightly(void)
{
    static const char *steps[] = {
        "find /tmp -type f -mtime +7 -delete",
        "find /var/tmp -type f -mtime +30 -delete",
        "sync",
    };
    size_t i;
    int failures = 0;

    for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (system(steps[i]) != 0) { // flaw
            fprintf(stderr, "step %zu failed\n", i);
            failures++;
        }
    }
    return failures;
}
