/* tracing: trace_start() opens the trace file into a global; trace_stop() takes it and closes it */
#include <stdio.h>

static FILE *trace_out;

int trace_start(const char *path)
{
    FILE *f = fopen(path, "a");

    if (!f)
        return -1;
    if (trace_out)
        fclose(trace_out);
    trace_out = f;
    return 0;
}

int trace_stop(void)
{
    FILE *f = trace_out;

    if (!f)
        return 0;
    trace_out = NULL;
    fputs("-- trace end --\n", f);
    return fclose(f);
}
