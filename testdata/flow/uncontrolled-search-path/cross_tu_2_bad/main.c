/* render worker: the job file names the directory holding the codec plugins */
#include <stdio.h>
#include <string.h>
#include "plugin.h"

int main(void)
{
    char dir[256];
    FILE *job = fopen("/var/spool/render/job.conf", "r");

    if (!job)
        return 1;
    if (!fgets(dir, sizeof dir, job)) {
        fclose(job);
        return 1;
    }
    fclose(job);
    dir[strcspn(dir, "\n")] = '\0';
    return use_plugin_dir(dir) == 0 ? 0 : 1;
}
