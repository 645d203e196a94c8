/* print spooler: leaves root before it opens the user's queue */
#include <stdio.h>
#include "priv.h"

int open_queue(uid_t owner, const char *queue)
{
    if (become_user(owner) > 0) // flaw
        return -1;
    printf("serving queue %s\n", queue);
    return 0;
}

int main(void)
{
    return open_queue(1000, "lp0") == 0 ? 0 : 1;
}
