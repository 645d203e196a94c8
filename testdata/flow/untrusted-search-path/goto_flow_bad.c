/* clock sync: retries the time sync a few times before giving up */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
    int tries = 0;

retry:
    if (system("ntpdate -u pool.ntp.org") == 0) // flaw
        goto synced;
    if (++tries < 3) {
        sleep(5);
        goto retry;
    }
    fprintf(stderr, "time sync failed\n");
    return 1;
synced:
    puts("clock synchronised");
    return 0;
}
