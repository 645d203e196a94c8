/* test harness daemon: a runner may ask for a preload library for the next test */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

static int preload_allowed(void)
{
    return 1;
}

int apply_preload(int sock)
{
    char lib[200];
    ssize_t n = recv(sock, lib, sizeof lib - 1, 0);

    if (n <= 0)
        return -1;
    lib[n] = '\0';
    lib[strcspn(lib, "\r\n")] = '\0';
    if (preload_allowed())
        return setenv("LD_PRELOAD", lib, 1); // flaw
    return unsetenv("LD_PRELOAD");
}
