/* main.c: a refused login closes the session, and the error path frees the user name again */
#include <stdlib.h>
#include <string.h>
#include "sess.h"

int login(int fd, const char *name, int ok)
{
    char *user = strdup(name);

    if (!user)
        return -1;
    if (!ok) {
        session_close(fd, user);
        free(user); // flaw
        return -1;
    }
    free(user);
    return 0;
}
