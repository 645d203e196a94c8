/* CI runner: checks out the branch named by a build request */
#include <stdio.h>
#include "request.h"

int serve_build(int sock)
{
    char branch[64];

    if (read_branch(sock, branch, sizeof branch) != 0)
        return -1;
    printf("building %s\n", branch);
    return build_checkout(branch);
}
