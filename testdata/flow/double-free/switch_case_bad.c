/* reply builder: the error case frees the reply and falls through into the common cleanup */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int send_reply(int status, const char *text)
{
    char *reply = malloc(64);

    if (!reply)
        return -1;
    snprintf(reply, 64, "%d %s", status, text);
    switch (status / 100) {
    case 5:
        fputs("server error\n", stderr);
        free(reply);
        /* fall through */
    case 4:
        fputs("client error\n", stderr);
        free(reply); // flaw
        return -1;
    default:
        puts(reply);
        break;
    }
    free(reply);
    return 0;
}
