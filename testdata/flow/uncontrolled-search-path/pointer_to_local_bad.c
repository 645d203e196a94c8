/* plugin host: the deployment file names the plugin library directory */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int setup_plugin_dir(const char *deploy_file)
{
    char dir[256];
    char *p = dir;
    FILE *fp = fopen(deploy_file, "r");

    if (!fp)
        return -1;
    if (!fgets(p, sizeof dir, fp)) {
        fclose(fp);
        return -1;
    }
    fclose(fp);
    p[strcspn(p, "\r\n")] = '\0';
    return setenv("LD_LIBRARY_PATH", p, 1); // flaw
}
