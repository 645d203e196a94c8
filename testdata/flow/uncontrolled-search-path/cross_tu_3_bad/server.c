/* remote build agent: "PATH <dirs>" sets the search path for later builds */
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include "env.h"

int handle_request(int sock)
{
    char req[256];
    char value[200];
    ssize_t n = recv(sock, req, sizeof req - 1, 0);

    if (n <= 0)
        return -1;
    req[n] = '\0';
    req[strcspn(req, "\r\n")] = '\0';
    if (parse_env_request(req, value, sizeof value) != 0)
        return -1;
    return apply_path(value);
}
