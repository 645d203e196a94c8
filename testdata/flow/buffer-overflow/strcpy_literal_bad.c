/* a fixed greeting (a literal, through a pointer) is copied into a buffer sized for a shorter one */
#include <stdio.h>
#include <string.h>

void greet(void)
{
    char line[16];
    const char *greeting = "Welcome to the service!";

    strcpy(line, greeting); // flaw
    puts(line);
}
