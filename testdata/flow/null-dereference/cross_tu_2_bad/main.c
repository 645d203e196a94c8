/* main.c: the lookup from another file is used unchecked */
#include "users.h"

int uid_of(const char *name)
{
    struct user *u = user_by_name(name);

    return u->uid; // flaw
}
