/* print server: accounts the pages of each job for the user named in the request */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

static const int shell_accounting = 0;

int account_job(int sock, int pages)
{
    char user[32], cmd[128];
    FILE *log;
    ssize_t n = recv(sock, user, sizeof user - 1, 0);

    if (n <= 0)
        return -1;
    user[n] = '\0';
    user[strcspn(user, "\r\n")] = '\0';
    if (shell_accounting) {
        snprintf(cmd, sizeof cmd, "/usr/sbin/pacct --add %d %s", pages, user);
        return system(cmd);
    }
    log = fopen("/var/log/print/pages", "a");
    if (!log)
        return -1;
    fprintf(log, "%d\t%s\n", pages, user);
    return fclose(log);
}
