/* reply buffer: shutdown frees the global only when it is not the static fallback array */
#include <stdlib.h>
#include <string.h>

static char fallback_reply[256];
static char *reply_buf;

static void reply_shutdown(void)
{
    if (reply_buf != fallback_reply)
        free(reply_buf);
}

int serve(size_t want, const char *text)
{
    if (want > sizeof fallback_reply) {
        reply_buf = malloc(want);
        if (!reply_buf)
            return -1;
        strncpy(reply_buf, text, want - 1);
        reply_buf[want - 1] = '\0';
        reply_shutdown();
        return 1;
    }
    reply_buf = fallback_reply;
    strncpy(reply_buf, text, sizeof fallback_reply - 1);
    reply_shutdown();
    return 0;
}
