/* status daemon: prints each status line it receives, in raw or plain mode */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

typedef int (*printer)(const char *text, int code);

int print_template(const char *text, int code)
{
    return printf(text, code); // flaw
}

int print_plain(const char *text, int code)
{
    return printf("%s (%d)\n", text, code);
}

int show_status(int sock)
{
    char text[200];
    printer out = print_template;
    ssize_t n = recv(sock, text, sizeof text - 1, 0);

    if (n <= 0)
        return -1;
    text[n] = '\0';
    return out(text, (int)n);
}
