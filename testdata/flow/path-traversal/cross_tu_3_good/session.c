/* mail daemon: "ARCHIVE <user>" moves a mailbox into the archive */
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include "paths.h"

int handle_archive(int sock)
{
    char cmd[128];
    char path[256];
    ssize_t n = recv(sock, cmd, sizeof cmd - 1, 0);

    if (n <= 8)
        return -1;
    cmd[n] = '\0';
    cmd[strcspn(cmd, "\r\n")] = '\0';
    if (strncmp(cmd, "ARCHIVE ", 8) != 0)
        return -1;
    if (mailbox_path(cmd + 8, path, sizeof path) != 0)
        return -1;
    return move_to_archive(path);
}
