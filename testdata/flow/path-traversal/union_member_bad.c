/* spool cleaner: a request is an opcode byte followed by a job file name */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>

union request {
    char raw[128];
    struct {
        char op;
        char name[127];
    } job;
};

int cancel_job(int sock)
{
    union request r;
    char path[192];
    ssize_t n;

    memset(&r, 0, sizeof r);
    n = recv(sock, r.raw, sizeof r.raw - 1, 0);
    if (n <= 1 || r.job.op != 'C')
        return -1;
    r.job.name[strcspn(r.job.name, "\r\n")] = '\0';
    snprintf(path, sizeof path, "/var/spool/jobs/%s", r.job.name);
    return unlink(path); // flaw
}
