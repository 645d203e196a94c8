/* NTP-like daemon: the client sends a sample count and a summed offset */
#include <stdint.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

struct stats_msg {
    uint32_t samples;
    int32_t total_offset;
};

int mean_offset(int sock, int32_t *mean)
{
    struct stats_msg m;
    struct sockaddr_in peer;
    socklen_t plen = sizeof peer;

    if (recvfrom(sock, &m, sizeof m, 0, (struct sockaddr *)&peer, &plen) != (ssize_t)sizeof m)
        return -1;
    m.samples = ntohl(m.samples);
    if (m.samples == 0 || m.samples > 1000000)
        return -1;
    *mean = (int32_t)ntohl((uint32_t)m.total_offset) / (int32_t)m.samples;
    return 0;
}
