/* connection table: the state is read through the cursor before the record is released */
#include <stdlib.h>

struct conn {
    int fd;
    int state;
};

int close_and_report(void)
{
    struct conn *c = malloc(sizeof *c);
    struct conn *cursor;
    int state;

    if (!c)
        return -1;
    c->fd = 3;
    c->state = 1;
    cursor = c;
    state = cursor->state;
    free(c);
    return state;
}
