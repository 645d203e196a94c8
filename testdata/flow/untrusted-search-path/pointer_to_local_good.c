/* mirror job: synchronises the package mirror from the upstream host */
#include <stdio.h>
#include <stdlib.h>

int sync_mirror(void)
{
    const char *cmd = "/usr/bin/rsync -a --delete rsync://upstream.example.org/debian/ /srv/mirror/";
    const char **slot = &cmd;
    int rc = system(*slot);

    if (rc != 0)
        fprintf(stderr, "mirror sync failed: %d\n", rc);
    return rc;
}

int main(void)
{
    return sync_mirror() == 0 ? 0 : 1;
}
