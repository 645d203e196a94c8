/* open.c: runs a command and returns a stream on its output */
#include <stdio.h>
#include "stream.h"

FILE *stream_open_cmd(const char *cmd)
{
    FILE *p = popen(cmd, "r");

    if (!p)
        return NULL;
    return p;
}
