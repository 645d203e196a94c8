#include <stdio.h>
#include <stdlib.h>
#include "request.h"

int build_checkout(const char *branch)
{
    char cmd[256];

    snprintf(cmd, sizeof cmd, "cd /srv/ci/repo && /usr/bin/git checkout %s", branch);
    return system(cmd);
}
