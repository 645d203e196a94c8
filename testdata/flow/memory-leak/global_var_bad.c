/* reply queue: queue_reply() parks a copy in a global; flush_reply() takes it and drops it unfreed */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *pending_reply;

int queue_reply(const char *text)
{
    char *copy = strdup(text);

    if (!copy)
        return -1;
    free(pending_reply);
    pending_reply = copy;
    return 0;
}

int flush_reply(int fd)
{
    char *msg = pending_reply;
    ssize_t n;

    if (!msg)
        return 0;
    pending_reply = NULL;
    n = write(fd, msg, strlen(msg));
    return n < 0 ? -1 : 0; // flaw
}
