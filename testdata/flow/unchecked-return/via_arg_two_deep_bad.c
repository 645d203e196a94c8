/* echo server: receives a message and hands it through a session layer to the printer */
#include <stdio.h>
#include <sys/socket.h>
#include <sys/types.h>

static void show_message(const char *msg, ssize_t len)
{
    printf("%.*s\n", (int)len, msg);
}

static void session_deliver(int id, const char *msg, ssize_t len)
{
    printf("session %d: ", id);
    show_message(msg, len);
}

int serve_message(int sock)
{
    char msg[256];
    ssize_t got = recv(sock, msg, sizeof(msg), 0); // flaw

    session_deliver(sock, msg, got);
    return 0;
}

int main(void)
{
    return serve_message(0) == 0 ? 0 : 1;
}
