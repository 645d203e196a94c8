/* screenshot tool: hands the captured image to an optimiser */
#include <stdio.h>
#include <stdlib.h>

int optimise_capture(void)
{
    const char *cmd = "/usr/bin/optipng -quiet /tmp/capture.png";
    int rc;

    if (1)
        cmd = "optipng -o7 -quiet /tmp/capture.png";
    rc = system(cmd); // flaw
    if (rc != 0)
        fprintf(stderr, "optimiser failed: %d\n", rc);
    return rc;
}
