/* history ring: slot 0's text is counted before the slot is recycled */
#include <stdlib.h>
#include <string.h>

#define SLOTS 4

size_t history_len(const char *line)
{
    char *slot[SLOTS];
    size_t total = 0;
    int i;

    for (i = 0; i < SLOTS; i++) {
        slot[i] = strdup(line);
        if (!slot[i])
            return 0;
    }
    total = strlen(slot[0]);
    free(slot[0]);
    for (i = 1; i < SLOTS; i++)
        free(slot[i]);
    return total;
}
