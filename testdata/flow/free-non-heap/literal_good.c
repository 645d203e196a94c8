/* shell launcher: the launcher works on its own heap copy of the default shell and frees that */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *default_shell(void)
{
    return "/bin/sh";
}

int launch(const char *cmd)
{
    char *shell = strdup(default_shell());
    int rc;

    if (!shell)
        return -1;
    rc = execl(shell, shell, "-c", cmd, (char *)NULL);
    perror("execl");
    free(shell);
    return rc;
}
