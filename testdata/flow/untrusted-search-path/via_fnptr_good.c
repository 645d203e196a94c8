/* backup job: the backup method is chosen when the job is set up (fixed: the method runs tar by its
 * absolute path; the relative one is gone) */
#include <stdio.h>
#include <stdlib.h>

int backup_with_abs_tar(void)
{
    return system("/bin/tar -czf /var/backups/etc.tgz /etc");
}

int main(void)
{
    int (*backup)(void) = backup_with_abs_tar;

    if (backup() != 0) {
        fprintf(stderr, "backup failed\n");
        return 1;
    }
    return 0;
}
