/* string builder: the helper returns malloc's result as it is, the caller writes into it */
#include <stdlib.h>
#include <string.h>

static char *alloc_text(size_t n)
{
    return malloc(n + 1);
}

char *join_words(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *out = alloc_text(la + lb + 1);

    memcpy(out, a, la); // flaw
    out[la] = ' ';
    memcpy(out + la + 1, b, lb + 1);
    return out;
}
