/* session cache: the flush helper frees the cache, and shutdown frees it once more */
#include <stdlib.h>
#include <string.h>

static char *session_cache;

static void flush_cache(void)
{
    free(session_cache);
}

int shutdown_sessions(const char *last)
{
    session_cache = strdup(last);
    if (!session_cache)
        return -1;
    flush_cache();
    free(session_cache); // flaw
    return 0;
}
