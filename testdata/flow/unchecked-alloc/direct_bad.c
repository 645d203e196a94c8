/* session table: a new session is filled in before the allocation is checked */
#include <stdlib.h>

struct session {
    int id;
    unsigned flags;
};

struct session *session_new(int id)
{
    struct session *s = malloc(sizeof *s);

    s->id = id; // flaw
    s->flags = 0;
    return s;
}
