/* sess.c: closing a session closes its socket and releases its user name */
#include <unistd.h>
#include "sess.h"

void session_close(int fd, char *user)
{
    if (fd >= 0)
        close(fd);
    user_free(user);
}
