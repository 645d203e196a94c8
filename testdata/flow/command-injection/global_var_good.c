/* setuid mail helper: delivers to the mailbox named on the command line */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *g_mailbox;

static int deliver(void)
{
    char cmd[256];

    snprintf(cmd, sizeof cmd, "/usr/lib/mailhelper/deliver --box %s", g_mailbox);
    return system(cmd);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    if (setuid(0) != 0)
        return 1;
    if (argv[1][0] == '\0' || argv[1][strspn(argv[1], "abcdefghijklmnopqrstuvwxyz0123456789_")] != '\0')
        return 2;
    g_mailbox = argv[1];
    return deliver() == 0 ? 0 : 1;
}
