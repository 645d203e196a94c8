/* a line buffer grown from 16 to 32 bytes by realloc receives a 48-byte record */
#include <stdlib.h>
#include <string.h>

char *grow_and_fill(void)
{
    char record[48];
    char *line = malloc(16);
    char *bigger;

    if (line == NULL)
        return NULL;
    memset(record, 'r', sizeof record);
    bigger = realloc(line, 32);
    if (bigger == NULL) {
        free(line);
        return NULL;
    }
    memcpy(bigger, record, sizeof record); // flaw
    return bigger;
}
