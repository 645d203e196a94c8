/* connection table: the cursor still points at a record released through the table pointer */
#include <stdlib.h>

struct conn {
    int fd;
    int state;
};

int close_and_report(void)
{
    struct conn *c = malloc(sizeof *c);
    struct conn *cursor;

    if (!c)
        return -1;
    c->fd = 3;
    c->state = 1;
    cursor = c;
    free(c);
    return cursor->state; // flaw
}
