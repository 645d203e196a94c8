/* backup daemon: a client asks how many old snapshots to list */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

static unsigned long listing_cap(void)
{
    return 100;
}

int list_snapshots(int sock)
{
    char req[24], line[64];
    unsigned long want, cap, i;
    ssize_t n = recv(sock, req, sizeof req - 1, 0);

    if (n <= 0)
        return -1;
    req[n] = '\0';
    want = strtoul(req, NULL, 10);
    cap = listing_cap();
    if (cap != 0 && want > cap)
        want = cap;
    for (i = 0; i < want; i++) {
        snprintf(line, sizeof line, "snapshot-%04lu\n", i);
        if (send(sock, line, strlen(line), 0) < 0)
            return -1;
    }
    return 0;
}
