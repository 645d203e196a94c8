/* game server: a local snapshot request gives the zone, the entity count and a tick */
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/socket.h>

#define MAX_ENTITIES 512u

int send_snapshot(int sock, const uint32_t *entity_ids)
{
    uint32_t req[3];
    uint32_t i;
    char line[32];

    if (recv(sock, req, sizeof req, MSG_WAITALL) != (ssize_t)sizeof req)
        return -1;
    if (req[0] > 8 || req[1] > MAX_ENTITIES)
        return -1;
    for (i = 0; i < req[1]; i++) {
        int len = snprintf(line, sizeof line, "%u\n", (unsigned)entity_ids[i % MAX_ENTITIES]);

        if (send(sock, line, (size_t)len, 0) < 0)
            return -1;
    }
    return 0;
}
