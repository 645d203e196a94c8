/* close.c: flushes and closes a stream opened on a file */
#include <stdio.h>
#include "stream.h"

int stream_close(FILE *f)
{
    fflush(f);
    return fclose(f);
}
