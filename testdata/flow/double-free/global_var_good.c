/* session cache: the flush helper frees and clears the cache, so the second free gets NULL */
#include <stdlib.h>
#include <string.h>

static char *session_cache;

static void flush_cache(void)
{
    free(session_cache);
    session_cache = NULL;
}

int shutdown_sessions(const char *last)
{
    session_cache = strdup(last);
    if (!session_cache)
        return -1;
    flush_cache();
    free(session_cache);
    return 0;
}
