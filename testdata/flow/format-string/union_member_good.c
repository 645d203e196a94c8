/* telemetry collector: a message is a 4-byte tag followed by a text */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

union message {
    char raw[132];
    struct {
        char tag[4];
        char text[128];
    } m;
};

int collect(int sock)
{
    union message u;
    ssize_t n;

    memset(&u, 0, sizeof u);
    n = recv(sock, u.raw, sizeof u.raw - 1, 0);
    if (n <= 4)
        return -1;
    printf("[%.4s] ", u.m.tag);
    printf("%s (%d bytes)", u.m.text, (int)n);
    putchar('\n');
    return 0;
}
