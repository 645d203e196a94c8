/* frame decoder: one frame kind allocates its body and writes it without a test */
#include <stdlib.h>
#include <string.h>

struct frame {
    int kind;
    size_t len;
    unsigned char *body;
};

int frame_decode(struct frame *f, const unsigned char *raw, size_t len)
{
    switch (f->kind) {
    case 1:
        f->body = NULL;
        break;
    case 2:
        f->body = malloc(len);
        memcpy(f->body, raw, len); // flaw
        f->len = len;
        break;
    default:
        return -1;
    }
    return 0;
}
