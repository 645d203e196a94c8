/* frame decoder: the frame kind that allocates tests its body before writing it */
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
        if (f->body == NULL)
            return -1;
        memcpy(f->body, raw, len);
        f->len = len;
        break;
    default:
        return -1;
    }
    return 0;
}
