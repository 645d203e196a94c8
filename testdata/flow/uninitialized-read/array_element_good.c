/* a reply split into two heap fields kept in an array: both are filled before they are sent */
#include <stdio.h>
#include <stdlib.h>

int send_reply(FILE *out)
{
    char *field[2];
    int rc = -1;

    field[0] = malloc(32);
    field[1] = malloc(32);
    if (field[0] == NULL || field[1] == NULL)
        goto done;
    snprintf(field[0], 32, "%s", "200 OK");
    snprintf(field[1], 32, "%s", "\r\n");
    fputs(field[0], out);
    fputs(field[1], out);
    rc = 0;
done:
    free(field[0]);
    free(field[1]);
    return rc;
}
