/* shell launcher: the default shell is a literal from a helper, and the launcher frees it */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *default_shell(void)
{
    return "/bin/sh";
}

int launch(const char *cmd)
{
    char *shell = (char *)default_shell();
    int rc;

    rc = execl(shell, shell, "-c", cmd, (char *)NULL);
    perror("execl");
    free(shell); // flaw
    return rc;
}
