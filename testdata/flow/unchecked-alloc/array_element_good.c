/* header parser: "Name: value" is split into two heap copies; both copies are tested before either is written */
#include <stdlib.h>
#include <string.h>

int parse_header(const char *line, char **name, char **value)
{
    const char *colon = strchr(line, ':');
    char *field[2];

    if (!colon)
        return -1;
    field[0] = strndup(line, (size_t)(colon - line));
    field[1] = strdup(colon + 1 + strspn(colon + 1, " "));
    if (!field[0] || !field[1]) {
        free(field[0]);
        free(field[1]);
        return -1;
    }
    field[1][strcspn(field[1], "\r\n")] = '\0';
    *name = field[0];
    *value = field[1];
    return 0;
}
