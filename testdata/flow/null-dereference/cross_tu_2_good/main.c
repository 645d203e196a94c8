/* main.c: the lookup from another file is tested */
#include "users.h"

int uid_of(const char *name)
{
    struct user *u = user_by_name(name);

    if (!u)
        return -1;
    return u->uid;
}
