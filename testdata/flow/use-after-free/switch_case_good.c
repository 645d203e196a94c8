/* command dispatcher: QUIT frees the buffer and leaves the switch */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int dispatch(int cmd, const char *arg)
{
    char *buf = strdup(arg);

    if (!buf)
        return -1;
    switch (cmd) {
    case 0:
        free(buf);
        return 0;
    case 1:
        puts(buf);
        break;
    default:
        break;
    }
    free(buf);
    return 0;
}
