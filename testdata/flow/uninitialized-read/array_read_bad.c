/* banner: a name buffer printed before anything was copied into it */
#include <stdio.h>
#include <string.h>

void banner(const char *user)
{
    char name[64];

    if (user == NULL)
        return;
    puts(name); // flaw
}
