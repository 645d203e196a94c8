#include <unistd.h>
#include "priv.h"

int become_user(uid_t uid)
{
    return setuid(uid);
}
