/* avatar server: sends the avatar image a client asks for */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

FILE *open_avatar(int sock)
{
    char user[64];
    char path[200];
    char *name = user;
    ssize_t n = recv(sock, user, sizeof user - 1, 0);

    if (n <= 0)
        return NULL;
    user[n] = '\0';
    name[strcspn(name, "\r\n")] = '\0';
    snprintf(path, sizeof path, "/var/lib/avatars/%s.png", name);
    return fopen(path, "rb"); // flaw
}
