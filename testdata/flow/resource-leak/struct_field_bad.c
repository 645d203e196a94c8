/* capture session: the stream kept in a local record is not closed when the header write fails */
#include <stdio.h>

struct capture {
    FILE *out;
    long frames;
};

int start_capture(const char *path)
{
    struct capture c;

    c.frames = 0;
    c.out = fopen(path, "wb");
    if (!c.out)
        return -1;
    if (fputs("CAP1", c.out) == EOF)
        return -1; // flaw
    fclose(c.out);
    return 0;
}
