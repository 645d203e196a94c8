/* worker start-up: drops root before serving, keeping the result for a later log line */
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

int drop_to(uid_t uid, gid_t gid)
{
    int gr = setgid(gid);
    int ur = setuid(uid); // flaw

    if (gr != 0)
        return -1;
    printf("now serving as %u (%d)\n", (unsigned)uid, ur);
    return 0;
}

int main(void)
{
    return drop_to(65534, 65534) == 0 ? 0 : 1;
}
