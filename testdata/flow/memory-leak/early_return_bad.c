/* config loader: copies a value, but an invalid value returns without freeing the copy */
#include <stdlib.h>
#include <string.h>

struct config {
    int port;
};

int set_port(struct config *cfg, const char *value)
{
    char *copy = strdup(value);
    char *end;
    long port;

    if (!copy)
        return -1;
    port = strtol(copy, &end, 10);
    if (*end != '\0' || port <= 0 || port > 65535)
        return -1; // flaw
    cfg->port = (int)port;
    free(copy);
    return 0;
}
