/* upload service: an optional size limit, 0 meaning unlimited */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

size_t g_upload_limit = 0;

void *start_upload(int sock)
{
    char line[64];
    unsigned long size;
    ssize_t n = recv(sock, line, sizeof line - 1, 0);

    if (n <= 0)
        return NULL;
    line[n] = '\0';
    if (strncmp(line, "SIZE ", 5) != 0)
        return NULL;
    size = strtoul(line + 5, NULL, 10);
    if (g_upload_limit != 0 && size > g_upload_limit)
        return NULL;
    return malloc(size); // flaw
}
