/* main.c: compares a user name case-insensitively, then drops the lower-cased copy */
#include <string.h>
#include "names.h"

int is_admin(const char *user)
{
    char *low = name_lower(user);
    int admin;

    if (!low)
        return 0;
    admin = strcmp(low, "admin") == 0;
    name_drop(low);
    return admin;
}
