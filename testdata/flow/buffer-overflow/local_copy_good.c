/* the header's length is kept in another local and bounds the copy of the reply into it */
#include <stdio.h>
#include <string.h>

void send_greeting(FILE *out)
{
    char reply[48];
    char header[24];
    size_t len, n;

    memset(reply, 'R', sizeof reply - 1);
    reply[sizeof reply - 1] = '\0';
    len = sizeof header;
    n = len;
    memcpy(header, reply, n);
    header[sizeof header - 1] = '\0';
    fputs(header, out);
}
