/* backup agent: the request's fields go into an argument table read by the runner */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/socket.h>

static int run_backup(char *fields[])
{
    char cmd[300];

    snprintf(cmd, sizeof cmd, "/usr/bin/tar czf /backup/%s.tgz /srv/data", fields[1]);
    return system(cmd);
}

int handle_backup(int sock)
{
    char label[64];
    char *fields[3];
    ssize_t n = recv(sock, label, sizeof label - 1, 0);

    if (n <= 0)
        return -1;
    label[n] = '\0';
    printf("backup requested: %s\n", label);
    fields[0] = label;
    fields[1] = "nightly";
    fields[2] = NULL;
    return run_backup(fields);
}
