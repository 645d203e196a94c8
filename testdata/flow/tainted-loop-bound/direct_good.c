/* echo benchmark server: the client asks for N pong replies */
#include <stdint.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

#define MAX_REPLIES 100u

int send_pongs(int sock)
{
    static const char pong[] = "PONG\r\n";
    uint32_t count, i;

    if (recv(sock, &count, sizeof count, MSG_WAITALL) != (ssize_t)sizeof count)
        return -1;
    count = ntohl(count);
    for (i = 0; i < count && i < MAX_REPLIES; i++) {
        if (send(sock, pong, sizeof pong - 1, 0) < 0)
            return -1;
    }
    return 0;
}
