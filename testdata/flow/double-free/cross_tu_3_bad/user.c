/* user.c: the user name allocator's release */
#include <stdlib.h>
#include "sess.h"

void user_free(char *user)
{
    free(user);
}
