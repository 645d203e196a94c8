/* netcheck: pings the host named in the monitor configuration */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int check_host(void)
{
    char host[128];
    char cmd[256];
    FILE *fp = fopen("/etc/netcheck/host.conf", "r");

    if (!fp)
        return -1;
    if (!fgets(host, sizeof host, fp)) {
        fclose(fp);
        return -1;
    }
    fclose(fp);
    host[strcspn(host, "\n")] = '\0';
    snprintf(cmd, sizeof cmd, "/bin/ping -c 1 %s >/dev/null 2>&1", host);
    return system(cmd); // flaw
}
