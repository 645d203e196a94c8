/* buffer chain: the checksum path forgets to release its scratch buffer */
#include <stdlib.h>
#include <string.h>

struct chainbuf {
    unsigned char *data;
    size_t len;
    unsigned refs;
    int borrowed;
    struct chainbuf *parent;
};

struct chainbuf *chain_new(size_t len)
{
    struct chainbuf *b = calloc(1, sizeof *b);

    if (!b)
        return NULL;
    b->refs = 1;
    b->len = len;
    if ((b->data = calloc(1, len ? len : 1)) == NULL) {
        free(b);
        return NULL;
    }
    return b;
}

void chain_release(struct chainbuf *b)
{
    if (b == NULL)
        return;
    if (--b->refs > 0)
        return;
    chain_release(b->parent);
    b->parent = NULL;
    if (!b->borrowed) {
        memset(b->data, 0, b->len);
        free(b->data);
    }
    free(b);
}

int checksum(const unsigned char *src, size_t n)
{
    struct chainbuf *tmp = chain_new(n);
    int sum = 0;

    if (!tmp)
        return -1;
    memcpy(tmp->data, src, n);
    for (size_t i = 0; i < n; i++)
        sum += tmp->data[i];
    return sum; // flaw
}
