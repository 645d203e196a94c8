/* session table: a new session is filled in once the allocation is known to have worked */
#include <stdlib.h>

struct session {
    int id;
    unsigned flags;
};

struct session *session_new(int id)
{
    struct session *s = malloc(sizeof *s);

    if (s == NULL)
        return NULL;
    s->id = id;
    s->flags = 0;
    return s;
}
