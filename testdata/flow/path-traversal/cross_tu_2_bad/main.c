/* upload service: a request is a file name line followed by the contents */
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include "store.h"

int handle_upload(int sock)
{
    char req[1024], *body;
    ssize_t n = recv(sock, req, sizeof req - 1, 0);

    if (n <= 0)
        return -1;
    req[n] = '\0';
    body = strchr(req, '\n');
    if (!body)
        return -1;
    *body++ = '\0';
    return store_upload(req, body, strlen(body));
}
