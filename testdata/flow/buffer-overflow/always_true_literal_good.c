/* maintenance mode forced off with if (0): its long tag is never copied into the 8-byte field */
#include <stdio.h>
#include <string.h>

void print_state(void)
{
    const char *maint = "maintenance";
    char tag[8];

    if (0)
        strcpy(tag, maint);
    else
        strcpy(tag, "serving");
    printf("state: %s\n", tag);
}
