/* note service: clients send "NOTE <text>", stored in the log */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

int take_note(int sock, FILE *logf, int peer)
{
    char msg[256];
    ssize_t n = recv(sock, msg, sizeof msg - 1, 0);

    if (n <= 0)
        goto fail;
    msg[n] = '\0';
    if (strncmp(msg, "NOTE ", 5) != 0)
        goto fail;
    fprintf(logf, msg + 5, peer); // flaw
    return 0;
fail:
    fprintf(logf, "peer %d: bad request\n", peer);
    return -1;
}
