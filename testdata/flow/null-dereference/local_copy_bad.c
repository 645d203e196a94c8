/* key=value splitter: the separator is searched, copied and written through unchecked */
#include <string.h>

int split_kv(char *line, char **value)
{
    char *eq = strchr(line, '=');
    char *cut = eq;

    *cut = '\0'; // flaw
    *value = cut + 1;
    return 0;
}
