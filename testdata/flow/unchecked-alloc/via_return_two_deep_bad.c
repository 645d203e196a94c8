/* image loader: a pixel buffer comes back through two helpers that may return NULL */
#include <stdlib.h>

struct image {
    unsigned w, h;
    unsigned char *px;
};

static struct image *image_alloc(void)
{
    struct image *im = malloc(sizeof *im);
    if (!im)
        return NULL;
    im->px = NULL;
    return im;
}

static struct image *image_create(unsigned w, unsigned h)
{
    struct image *im = image_alloc();
    return im;
}

int image_size(unsigned w, unsigned h)
{
    struct image *im = image_create(w, h);
    im->w = w; // flaw
    im->h = h;
    free(im);
    return (int)(w * h);
}
