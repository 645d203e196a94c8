/* chat server: history replay buffer for the line count a client asks for */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

#define LINE_BYTES 512

static int limits_enabled(void)
{
    return 1;
}

char *history_buffer(int sock, int *lines_out)
{
    char req[16];
    int lines;
    ssize_t n = recv(sock, req, sizeof req - 1, 0);

    if (n <= 0)
        return NULL;
    req[n] = '\0';
    lines = atoi(req);
    if (lines <= 0)
        return NULL;
    if (limits_enabled() && lines > 2000)
        lines = 2000;
    *lines_out = lines;
    return calloc(1, (size_t)(lines * LINE_BYTES));
}
