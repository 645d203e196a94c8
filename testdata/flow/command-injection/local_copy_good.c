/* restore tool: asks the operator which backup to unpack */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char answer[64];
    char name[64];
    char cmd[192];

    printf("backup to restore: ");
    fflush(stdout);
    if (!fgets(answer, sizeof answer, stdin))
        return 1;
    answer[strcspn(answer, "\n")] = '\0';
    if (answer[0] == '\0' || answer[strspn(answer, "abcdefghijklmnopqrstuvwxyz0123456789_-")] != '\0')
        return 1;
    strcpy(name, answer);
    snprintf(cmd, sizeof cmd, "/bin/tar -xzf /var/backups/%s.tgz -C /srv", name);
    return system(cmd);
}
