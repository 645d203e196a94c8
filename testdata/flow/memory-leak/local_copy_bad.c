/* tokenizer: walks a heap copy of the input through a second pointer, never freeing the copy */
#include <stdlib.h>
#include <string.h>

int count_words(const char *text)
{
    char *copy = strdup(text);
    char *cur;
    int words = 0, in_word = 0;

    if (!copy)
        return -1;
    cur = copy;
    copy = NULL;
    for (; *cur; cur++) {
        if (*cur == ' ') {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
    return words; // flaw
}
