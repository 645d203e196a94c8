/* IRC bot: keeps the reply template a channel operator set in the channel record */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

struct channel {
    char name[32];
    char reply_fmt[128];
    int users;
};

int answer_ping(int sock, struct channel *ch, const char *nick)
{
    char reply[256];
    ssize_t n = recv(sock, ch->reply_fmt, sizeof ch->reply_fmt - 1, 0);

    if (n <= 0)
        return -1;
    ch->reply_fmt[n] = '\0';
    ch->reply_fmt[strcspn(ch->reply_fmt, "\r\n")] = '\0';
    snprintf(reply, sizeof reply, "%s (%s, %d users)", ch->reply_fmt, nick, ch->users);
    return send(sock, reply, strlen(reply), 0) < 0 ? -1 : 0;
}
