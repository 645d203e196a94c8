/* cache daemon: clients can evict a cache entry by name */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>

int evict_raw(const char *key)
{
    char path[256];

    snprintf(path, sizeof path, "/var/cache/appd/%s", key);
    return unlink(path); // flaw
}

int evict_checked(const char *key)
{
    char path[256];

    if (strchr(key, '/') != NULL || strcmp(key, "..") == 0)
        return -1;
    snprintf(path, sizeof path, "/var/cache/appd/%s", key);
    return unlink(path);
}

int handle_evict(int sock)
{
    int (*evict)(const char *) = evict_raw;
    char key[128];
    ssize_t n = recv(sock, key, sizeof key - 1, 0);

    if (n <= 0)
        return -1;
    key[n] = '\0';
    key[strcspn(key, "\r\n")] = '\0';
    return evict(key);
}
