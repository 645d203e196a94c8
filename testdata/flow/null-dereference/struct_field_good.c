/* server config: the log file in the config is tested before it is written */
#include <stdio.h>

struct config {
    int port;
    FILE *log;
};

void config_open_log(struct config *c, const char *path)
{
    c->log = fopen(path, "a");
    if (c->log == NULL)
        return;
    fprintf(c->log, "listening on %d\n", c->port);
}
