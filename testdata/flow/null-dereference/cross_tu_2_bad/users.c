/* users.c: a lookup that returns NULL for a name it does not know */
#include <string.h>
#include "users.h"

static struct user known[] = {{"root", 0}, {"daemon", 1}};

struct user *user_by_name(const char *name)
{
    for (unsigned i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(known[i].name, name) == 0)
            return &known[i];
    return NULL;
}
