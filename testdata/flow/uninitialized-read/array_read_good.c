/* banner: a name buffer filled with the user name before it is printed */
#include <stdio.h>
#include <string.h>

void banner(const char *user)
{
    char name[64];

    if (user == NULL)
        return;
    snprintf(name, sizeof(name), "%s", user);
    puts(name);
}
