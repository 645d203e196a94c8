/* session manager: the close helper frees the session and so does its caller */
#include <stdlib.h>

struct session {
    int id;
};

static void session_close(struct session *s)
{
    free(s);
}

void end_session(void)
{
    struct session *s = malloc(sizeof *s);

    if (!s)
        return;
    s->id = 1;
    session_close(s);
    free(s); // flaw
}
