/* report: a line printer handed a fresh buffer nobody wrote, through a logging wrapper */
#include <stdio.h>
#include <stdlib.h>

static void print_line(const char *line)
{
    printf("%s\n", line);
}

static void log_line(const char *line)
{
    print_line(line);
}

void report(void)
{
    char *msg = malloc(64);

    if (msg == NULL)
        return;
    log_line(msg); // flaw
    free(msg);
}
