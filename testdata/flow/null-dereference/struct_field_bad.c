/* server config: the log file is opened into the config and written unchecked */
#include <stdio.h>

struct config {
    int port;
    FILE *log;
};

void config_open_log(struct config *c, const char *path)
{
    c->log = fopen(path, "a");
    fprintf(c->log, "listening on %d\n", c->port); // flaw
}
