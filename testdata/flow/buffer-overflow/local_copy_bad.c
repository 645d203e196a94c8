/* the reply's length is kept in another local and used to copy it into a shorter header */
#include <stdio.h>
#include <string.h>

void send_greeting(FILE *out)
{
    char reply[48];
    char header[24];
    size_t len, n;

    memset(reply, 'R', sizeof reply - 1);
    reply[sizeof reply - 1] = '\0';
    len = sizeof reply;
    n = len;
    memcpy(header, reply, n); // flaw
    header[sizeof header - 1] = '\0';
    fputs(header, out);
}
