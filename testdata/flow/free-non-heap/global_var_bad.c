/* reply buffer: the short-reply path points the global at a static array, and shutdown frees the global */
#include <stdlib.h>
#include <string.h>

static char fallback_reply[256];
static char *reply_buf;

static void reply_shutdown(void)
{
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
    reply_shutdown(); // flaw
    return 0;
}
