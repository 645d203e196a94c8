/* cache server: picks a bucket for each key it receives */
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

static const unsigned int nbuckets = 64;

int bucket_for(int sock)
{
    char key[64];
    uint32_t h = 2166136261u;
    unsigned int buckets;
    ssize_t n = recv(sock, key, sizeof key, 0), i;

    if (n <= 0)
        return -1;
    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)key[i]) * 16777619u;
    buckets = nbuckets;
    return (int)(h % buckets);
}
