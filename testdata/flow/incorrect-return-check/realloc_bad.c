/* word list: grows its array with realloc while reading words from standard input */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char **read_words(FILE *in, size_t *count)
{
    char **words = NULL, **grown, buf[64];
    size_t n = 0, cap = 0;

    while (fscanf(in, "%63s", buf) == 1) {
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            grown = realloc(words, cap * sizeof(*words));
            if (grown < 0) // flaw
                break;
            words = grown;
        }
        words[n++] = strdup(buf);
    }
    *count = n;
    return words;
}

int main(void)
{
    size_t n = 0;
    char **w = read_words(stdin, &n);
    for (size_t i = 0; i < n; i++)
        free(w[i]);
    free(w);
    return 0;
}
