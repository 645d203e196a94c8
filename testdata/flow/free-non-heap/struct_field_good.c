/* small-string buffer: the inline storage is never freed, only a heap buffer would be */
#include <stdlib.h>
#include <string.h>

struct sbuf {
    char *data;
    size_t len;
    char inline_data[32];
};

size_t greet(const char *who)
{
    struct sbuf b;
    size_t n;

    b.data = b.inline_data;
    b.len = 0;
    strncpy(b.data, who, sizeof b.inline_data - 1);
    b.data[sizeof b.inline_data - 1] = '\0';
    n = strlen(b.data);
    if (b.data != b.inline_data)
        free(b.data);
    return n;
}
