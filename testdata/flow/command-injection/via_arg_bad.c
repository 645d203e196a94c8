/* upload service: compresses each file a client sends */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/socket.h>

static int compress_upload(const char *name)
{
    char cmd[256];

    snprintf(cmd, sizeof cmd, "/bin/gzip -9 /var/spool/uploads/%s", name);
    return system(cmd); // flaw
}

int handle_upload(int sock, unsigned long id)
{
    char name[96];
    char stored[32];
    ssize_t n = recv(sock, name, sizeof name - 1, 0);

    if (n <= 0)
        return -1;
    name[n] = '\0';
    snprintf(stored, sizeof stored, "upload-%lu.dat", id);
    printf("received %s as %s\n", name, stored);
    return compress_upload(name);
}
