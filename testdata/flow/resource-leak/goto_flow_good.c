/* copy tool: the cleanup label closes whatever was opened */
#include <stdio.h>

int copy_file(const char *from, const char *to)
{
    FILE *in = NULL, *out = NULL;
    char buf[512];
    size_t n;
    int rc = -1;

    in = fopen(from, "rb");
    if (!in)
        goto done;
    out = fopen(to, "wb");
    if (!out)
        goto done;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            goto done;
    rc = 0;
done:
    if (out && fclose(out) != 0)
        rc = -1;
    if (in)
        fclose(in);
    return rc;
}
