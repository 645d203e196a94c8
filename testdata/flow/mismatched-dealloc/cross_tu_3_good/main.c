/* main.c: reads the first line of a command's output and closes the pipe with the pipe closer */
#include <stdio.h>
#include <string.h>
#include "stream.h"

int first_word(const char *cmd, char *out, size_t size)
{
    FILE *in = stream_open_cmd(cmd);

    if (!in)
        return -1;
    if (!fgets(out, (int)size, in))
        out[0] = '\0';
    out[strcspn(out, " \n")] = '\0';
    return stream_close(in);
}
