/* session store: the reply buffer hangs off the session and is released before the send reads it */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct session {
    int fd;
    char *reply;
    size_t len;
};

int flush_reply(struct session *s, const char *text)
{
    s->len = strlen(text);
    s->reply = malloc(s->len + 1);
    if (!s->reply)
        return -1;
    memcpy(s->reply, text, s->len + 1);
    free(s->reply);
    return (int)write(s->fd, s->reply, s->len); // flaw
}
