/* request pool: the default buffer is a global array, and reset() frees the current one */
#include <stdlib.h>
#include <string.h>

static char default_buf[512];

struct request {
    char *buf;
    size_t cap;
};

void request_reset(struct request *r)
{
    r->buf = default_buf;
    r->cap = sizeof default_buf;
    memset(r->buf, 0, r->cap);
}

void request_demo(void)
{
    struct request r;
    char *b;

    request_reset(&r);
    b = default_buf + 0;
    b[0] = 'x';
    free(b); // flaw
}
