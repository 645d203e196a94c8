/* print spooler helper: removes the job a client names on the control socket */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

int handle_cancel(int fd)
{
    char job[64];
    char cmd[160];
    ssize_t n = recv(fd, job, sizeof job - 1, 0);

    if (n <= 0)
        return -1;
    job[n] = '\0';
    job[strcspn(job, "\r\n")] = '\0';
    snprintf(cmd, sizeof cmd, "/usr/bin/lprm -P office %s", job);
    return system(cmd); // flaw
}
