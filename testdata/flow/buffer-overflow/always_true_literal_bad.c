/* maintenance mode forced on with if (1): its long tag is copied into an 8-byte field */
#include <stdio.h>
#include <string.h>

void print_state(void)
{
    const char *maint = "maintenance";
    char tag[8];

    if (1)
        strcpy(tag, maint); // flaw
    else
        strcpy(tag, "serving");
    printf("state: %s\n", tag);
}
