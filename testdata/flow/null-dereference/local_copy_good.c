/* key=value splitter: the copy of the separator pointer is tested before it is written */
#include <string.h>

int split_kv(char *line, char **value)
{
    char *eq = strchr(line, '=');
    char *cut = eq;

    if (!cut)
        return -1;
    *cut = '\0';
    *value = cut + 1;
    return 0;
}
