#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>
#include "batch.h"

int ack_batch(int sock, uint32_t n)
{
    uint32_t i, seq;

    for (i = 0; i < n; i++) { // flaw
        seq = htonl(i);
        if (send(sock, &seq, sizeof seq, 0) < 0)
            return -1;
    }
    return 0;
}
