/* resolver: reads an answer count and then walks that many answer records */
#include <stdint.h>
#include <arpa/inet.h>
#include <sys/types.h>
#include <sys/socket.h>

int read_answers(int sock)
{
    uint32_t raw, count, i, rec[4];
    int rc = -1;

    if (recv(sock, &raw, sizeof raw, MSG_WAITALL) != (ssize_t)sizeof raw)
        goto out;
    count = ntohl(raw);
    if (count == 0)
        goto done;
    goto walk;
done:
    rc = 0;
out:
    return rc;
walk:
    for (i = 0; i < count; i++) // flaw
        if (recv(sock, rec, sizeof rec, MSG_WAITALL) != (ssize_t)sizeof rec)
            goto out;
    goto done;
}
