/* sandbox helper: optionally keeps the caller's tool directory */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int honour_user_path = 0;

int sandbox_env(FILE *req)
{
    char dirs[256];

    if (!fgets(dirs, sizeof dirs, req))
        return -1;
    dirs[strcspn(dirs, "\n")] = '\0';
    if (honour_user_path)
        return setenv("PATH", dirs, 1);
    return setenv("PATH", "/usr/bin:/bin", 1);
}
