#include <stdio.h>
#include "motd.h"

void print_banner(const char *tmpl, const char *host)
{
    char line[256];

    snprintf(line, sizeof line, tmpl, host); // flaw
    puts(line);
}
