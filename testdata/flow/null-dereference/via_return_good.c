/* option table: the lookup's NULL for an unknown name is tested */
#include <string.h>

struct option {
    const char *name;
    int value;
};

static struct option options[] = {{"verbose", 0}, {"depth", 3}};

static struct option *find_option(const char *name)
{
    for (unsigned i = 0; i < sizeof options / sizeof options[0]; i++)
        if (strcmp(options[i].name, name) == 0)
            return &options[i];
    return NULL;
}

int option_value(const char *name)
{
    struct option *o = find_option(name);

    return o ? o->value : -1;
}
