/* line editor: reads the undo buffer's first byte, then drops it */
#include <stdlib.h>
#include <string.h>

int undo_first(const char *text)
{
    char *undo = malloc(strlen(text) + 1);
    int c;

    if (!undo)
        return -1;
    memcpy(undo, text, strlen(text) + 1);
    c = undo[0];
    free(undo);
    return c;
}
