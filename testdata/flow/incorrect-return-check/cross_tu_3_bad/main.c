/* http responder: writes the response headers, giving up when the client is gone */
#include "out.h"

int send_headers(int fd, const char *type, const char *length)
{
    if (http_put_header(fd, "Content-Type", type) == 0) // flaw
        return -1;
    if (http_put_header(fd, "Content-Length", length) < 0)
        return -1;
    return fd_put(fd, "\r\n", 2) < 0 ? -1 : 0;
}

int main(void)
{
    return send_headers(1, "text/plain", "0") == 0 ? 0 : 1;
}
