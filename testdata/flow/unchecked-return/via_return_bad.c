/* chat client: sends a greeting through a small helper around send() */
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

static ssize_t send_text(int sock, const char *text)
{
    return send(sock, text, strlen(text), 0);
}

int greet(int sock, const char *nick)
{
    send_text(sock, "HELLO "); // flaw
    if (send_text(sock, nick) < 0)
        return -1;
    return 0;
}

int main(void)
{
    return greet(3, "demo") == 0 ? 0 : 1;
}
