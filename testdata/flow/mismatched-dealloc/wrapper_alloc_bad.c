/* log sink: open_sink() wraps fopen(), and the caller frees the stream it returned */
#include <stdio.h>
#include <stdlib.h>

static FILE *open_sink(const char *path)
{
    FILE *f = fopen(path, "a");

    if (!f)
        return NULL;
    setvbuf(f, NULL, _IOLBF, 0);
    return f;
}

int write_event(const char *path, const char *event)
{
    FILE *sink = open_sink(path);

    if (!sink)
        return -1;
    fprintf(sink, "event: %s\n", event);
    free(sink); // flaw
    return 0;
}
