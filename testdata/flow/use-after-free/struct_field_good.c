/* session store: the reply is sent, then released and the field cleared */
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
    int n;

    s->len = strlen(text);
    s->reply = malloc(s->len + 1);
    if (!s->reply)
        return -1;
    memcpy(s->reply, text, s->len + 1);
    n = (int)write(s->fd, s->reply, s->len);
    free(s->reply);
    s->reply = NULL;
    return n;
}
