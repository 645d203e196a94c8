/* benchmark client: the server reports how many rounds it ran */
#include <stdint.h>
#include <stdio.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

static uint64_t per_round_us(uint64_t elapsed_us, uint32_t rounds)
{
    return elapsed_us / rounds;
}

int show_result(int sock, uint64_t elapsed_us)
{
    uint32_t rounds;

    if (recv(sock, &rounds, sizeof rounds, MSG_WAITALL) != (ssize_t)sizeof rounds)
        return -1;
    rounds = ntohl(rounds);
    if (rounds == 0)
        return -1;
    printf("%llu us per round\n", (unsigned long long)per_round_us(elapsed_us, rounds));
    return 0;
}
