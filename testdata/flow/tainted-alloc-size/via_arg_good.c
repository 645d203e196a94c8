/* http server: reads a request body of Content-Length bytes */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

static char *read_body(int sock, size_t len)
{
    char *body = calloc(len + 1, 1);

    if (body && recv(sock, body, len, MSG_WAITALL) < 0) {
        free(body);
        return NULL;
    }
    return body;
}

char *handle_post(int sock)
{
    char hdr[256];
    const char *cl;
    ssize_t n = recv(sock, hdr, sizeof hdr - 1, 0);

    if (n <= 0)
        return NULL;
    hdr[n] = '\0';
    cl = strstr(hdr, "Content-Length: ");
    if (!cl)
        return NULL;
    {
        unsigned long len = strtoul(cl + 16, NULL, 10);

        if (len > 1048576)
            return NULL;
        return read_body(sock, len);
    }
}
