/* message of the day: the init routine allocates it, another routine prints it, nobody writes it */
#include <stdio.h>
#include <stdlib.h>

static char *motd;

int motd_init(void)
{
    motd = malloc(80);
    if (motd == NULL)
        return -1;
    return 0;
}

void motd_show(void)
{
    puts(motd); // flaw
}

int main(void)
{
    if (motd_init() != 0)
        return 1;
    motd_show();
    free(motd);
    return 0;
}
