/* command dispatcher: one case returns before the argument copy is freed */
#include <stdlib.h>
#include <string.h>

enum { CMD_GET = 1, CMD_PUT = 2, CMD_DEL = 3 };

int dispatch(int cmd, const char *arg)
{
    char *copy = strdup(arg);
    int rc = 0;

    if (!copy)
        return -1;
    switch (cmd) {
    case CMD_GET:
        rc = (int)strlen(copy);
        break;
    case CMD_PUT:
        if (copy[0] == '\0')
            return -2; // flaw
        rc = 1;
        break;
    default:
        rc = -3;
        break;
    }
    free(copy);
    return rc;
}
