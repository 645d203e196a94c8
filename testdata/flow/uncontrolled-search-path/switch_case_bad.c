/* session manager: the greeter sends "<key-id> <value>" lines to set up the session */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

int session_setting(int sock)
{
    char line[256], value[240];
    int key;
    ssize_t n = recv(sock, line, sizeof line - 1, 0);

    if (n <= 0)
        return -1;
    line[n] = '\0';
    if (sscanf(line, "%d %239s", &key, value) != 2)
        return -1;
    switch (key) {
    case 1:
        return setenv("TZ", value, 1);
    case 2:
        return setenv("LANG", value, 1);
    case 3:
        return setenv("PATH", value, 1); // flaw
    default:
        return -1;
    }
}
