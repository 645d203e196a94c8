/* mailbox daemon: commands D(elete) and A(rchive) take a message file name */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

int mailbox_cmd(int sock)
{
    char req[128], path[256], dest[256];
    ssize_t n = recv(sock, req, sizeof req - 1, 0);

    if (n <= 2)
        return -1;
    req[n] = '\0';
    req[strcspn(req, "\r\n")] = '\0';
    switch (req[0]) {
    case 'D':
        if (strstr(req + 2, "..") != NULL)
            return -1;
        snprintf(path, sizeof path, "/var/mail/box/%s", req + 2);
        return remove(path);
    case 'A':
        if (strstr(req + 2, "..") != NULL)
            return -1;
        snprintf(path, sizeof path, "/var/mail/box/%s", req + 2);
        snprintf(dest, sizeof dest, "/var/mail/archive/%s", req + 2);
        return rename(path, dest);
    default:
        return -1;
    }
}
