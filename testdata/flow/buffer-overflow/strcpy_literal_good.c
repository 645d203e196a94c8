/* a fixed greeting (a literal, through a pointer) is copied into a buffer large enough for it */
#include <stdio.h>
#include <string.h>

void greet(void)
{
    char line[32];
    const char *greeting = "Welcome to the service!";

    strcpy(line, greeting);
    puts(line);
}
