/* tokenizer: walks a heap copy of the input through a second pointer, then frees it through that alias */
#include <stdlib.h>
#include <string.h>

int count_words(const char *text)
{
    char *copy = strdup(text);
    char *start, *cur;
    int words = 0, in_word = 0;

    if (!copy)
        return -1;
    start = copy;
    copy = NULL;
    for (cur = start; *cur; cur++) {
        if (*cur == ' ') {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
    free(start);
    return words;
}
