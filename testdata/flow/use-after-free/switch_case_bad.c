/* command dispatcher: QUIT frees the buffer and falls through into the echo case */
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
        /* fall through */
    case 1:
        puts(buf); // flaw
        break;
    default:
        break;
    }
    if (cmd != 0)
        free(buf);
    return 0;
}
