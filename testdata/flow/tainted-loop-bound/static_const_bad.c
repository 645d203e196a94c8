/* DNS-like resolver: answers as many records as the query asks for */
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

static const int enforce_answer_cap = 0;

int send_answers(int sock, const struct sockaddr *peer, socklen_t peerlen)
{
    static const char rr[] = "host.example. 300 IN A 192.0.2.1\n";
    uint32_t wanted;
    unsigned int i;

    if (recvfrom(sock, &wanted, sizeof wanted, 0, NULL, NULL) != (ssize_t)sizeof wanted)
        return -1;
    wanted = ntohl(wanted);
    if (enforce_answer_cap && wanted > 16)
        wanted = 16;
    for (i = 0; i < wanted; i++) { // flaw
        if (sendto(sock, rr, strlen(rr), 0, peer, peerlen) < 0)
            return -1;
    }
    return 0;
}
