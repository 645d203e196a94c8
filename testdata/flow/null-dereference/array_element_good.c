/* config line splitter: the value part is looked up with strchr and cut only when it is there */
#include <stdio.h>
#include <string.h>

int split_setting(char *line, FILE *out)
{
    char *part[2];

    line[strcspn(line, "\r\n")] = '\0';
    part[0] = line;
    part[1] = strchr(line, '=');
    if (!part[1])
        return -1;
    *part[1] = '\0';
    part[1]++;
    return fprintf(out, "%s -> %s\n", part[0], part[1]);
}
