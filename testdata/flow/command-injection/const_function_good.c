/* printer daemon: converts a document for the paper size the client asks for */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

static int accept_custom_sizes(void)
{
    return 0;
}

int convert_document(int sock, const char *doc)
{
    char size[32];
    char cmd[256];
    const char *paper = "a4";
    ssize_t n = recv(sock, size, sizeof size - 1, 0);

    if (n <= 0)
        return -1;
    size[n] = '\0';
    size[strcspn(size, "\r\n")] = '\0';
    if (accept_custom_sizes())
        paper = size;
    snprintf(cmd, sizeof cmd, "/usr/bin/ps2pdf -sPAPERSIZE=%s %s", paper, doc);
    return system(cmd);
}
