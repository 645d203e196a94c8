/* string builder: the caller tests what the allocating helper returned */
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

    if (!out)
        return NULL;
    memcpy(out, a, la);
    out[la] = ' ';
    memcpy(out + la + 1, b, lb + 1);
    return out;
}
