/* line editor: drops the undo buffer, then still reads its first byte */
#include <stdlib.h>
#include <string.h>

int undo_first(const char *text)
{
    char *undo = malloc(strlen(text) + 1);
    int c;

    if (!undo)
        return -1;
    memcpy(undo, text, strlen(text) + 1);
    free(undo);
    c = undo[0]; // flaw
    return c;
}
