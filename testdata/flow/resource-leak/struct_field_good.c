/* capture session: the stream kept in a local record is closed on every path */
#include <stdio.h>

struct capture {
    FILE *out;
    long frames;
};

int start_capture(const char *path)
{
    struct capture c;
    int rc = 0;

    c.frames = 0;
    c.out = fopen(path, "wb");
    if (!c.out)
        return -1;
    if (fputs("CAP1", c.out) == EOF)
        rc = -1;
    fclose(c.out);
    return rc;
}
