/* report writer: the cleanup label closes the command pipe with pclose() */
#include <stdio.h>

int write_report(const char *cmd, const char *title)
{
    FILE *out = popen(cmd, "w");
    int rc = -1;

    if (!out)
        return -1;
    if (fprintf(out, "# %s\n", title) < 0)
        goto done;
    if (fputs("status: ok\n", out) == EOF)
        goto done;
    rc = 0;
done:
    pclose(out);
    return rc;
}
