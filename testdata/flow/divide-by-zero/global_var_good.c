/* bandwidth meter: the peer announces its reporting interval */
#include <stdint.h>
#include <stdio.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

static uint32_t g_interval = 1;

void set_interval(int sock)
{
    uint32_t v;

    if (recv(sock, &v, sizeof v, MSG_WAITALL) == (ssize_t)sizeof v && ntohl(v) != 0)
        g_interval = ntohl(v);
}

void report_rate(uint64_t bytes)
{
    printf("%llu bytes/s\n", (unsigned long long)(bytes / g_interval));
}
