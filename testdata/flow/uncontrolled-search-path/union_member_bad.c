/* plugin host: reads the library directory setting from its config */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

union setting {
    long number;
    char text[128];
};

int setup_libs(FILE *cfg)
{
    union setting s;

    if (!fgets(s.text, sizeof s.text, cfg))
        return -1;
    s.text[strcspn(s.text, "\n")] = '\0';
    return setenv("LD_LIBRARY_PATH", s.text, 1); // flaw
}
