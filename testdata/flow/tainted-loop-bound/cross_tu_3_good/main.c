/* message queue broker: acknowledges every message of a batch a producer announces */
#include "batch.h"

int handle_producer(int sock)
{
    uint32_t n;

    if (read_batch_size(sock, &n) != 0)
        return -1;
    return ack_batch(sock, n);
}
