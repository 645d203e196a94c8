#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include "request.h"

int read_branch(int sock, char *out, unsigned long size)
{
    ssize_t n = recv(sock, out, size - 1, 0);

    if (n <= 0)
        return -1;
    out[n] = '\0';
    out[strcspn(out, "\r\n")] = '\0';
    if (out[0] == '-' || out[strspn(out, "abcdefghijklmnopqrstuvwxyz0123456789._/-")] != '\0')
        return -1;
    return 0;
}
