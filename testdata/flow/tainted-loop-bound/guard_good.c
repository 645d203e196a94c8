/* syslog collector: a datagram carries a count of 4-byte tags */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

int print_tags(int sock)
{
    unsigned char pkt[1500];
    uint32_t ntags, i = 0, tag;
    ssize_t n = recvfrom(sock, pkt, sizeof pkt, 0, NULL, NULL);

    if (n < 4)
        return -1;
    memcpy(&ntags, pkt, 4);
    if (ntags > (uint32_t)(n - 4) / 4)
        return -1;
    while (i < ntags) {
        memcpy(&tag, pkt + 4 + (i % 300) * 4, 4);
        printf("tag %u\n", tag);
        i++;
    }
    return 0;
}
