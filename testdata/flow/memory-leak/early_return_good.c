/* config loader: copies a value and frees the copy on every path */
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
    if (*end != '\0' || port <= 0 || port > 65535) {
        free(copy);
        return -1;
    }
    cfg->port = (int)port;
    free(copy);
    return 0;
}
