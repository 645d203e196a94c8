/* route table: the wrapped lookup's result is tested */
#include <string.h>

struct route {
    const char *prefix;
    int port;
};

static struct route routes[4];

static struct route *route_find(const char *path)
{
    for (int i = 0; i < 4; i++)
        if (routes[i].prefix && strncmp(path, routes[i].prefix, strlen(routes[i].prefix)) == 0)
            return &routes[i];
    return NULL;
}

static struct route *route_for(const char *path)
{
    return route_find(path);
}

int port_for(const char *path)
{
    struct route *r = route_for(path);

    if (r == NULL)
        return 80;
    return r->port;
}
