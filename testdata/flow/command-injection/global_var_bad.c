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
    return system(cmd); // flaw
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    if (setuid(0) != 0)
        return 1;
    g_mailbox = argv[1];
    return deliver() == 0 ? 0 : 1;
}
