/* session manager: the close helper is the only one to free the session */
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
    s = NULL;
}
