/* control socket of a media player: one-letter commands with a text argument */
#include <string.h>
#include <syslog.h>
#include <sys/types.h>
#include <sys/socket.h>

int control(int sock, int client_id)
{
    char req[160];
    ssize_t n = recv(sock, req, sizeof req - 1, 0);

    if (n <= 1)
        return -1;
    req[n] = '\0';
    req[strcspn(req, "\r\n")] = '\0';
    switch (req[0]) {
    case 'P':
        syslog(LOG_INFO, "client %d: play", client_id);
        break;
    case 'N':
        syslog(LOG_NOTICE, "client %d: %s", client_id, req + 1);
        break;
    case 'S':
        syslog(LOG_INFO, "client %d: stop", client_id);
        break;
    default:
        return -1;
    }
    return 0;
}
