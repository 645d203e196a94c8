/* privilege drop: keeps each step's result in a table and checks the table */
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

int drop_privileges(uid_t uid, gid_t gid)
{
    int rc[2];

    rc[0] = setgid(gid);
    rc[1] = setuid(uid);
    if (rc[0] != 0)
        return -1;
    if (rc[1] != 0)
        return -1;
    printf("running as %u\n", (unsigned)uid);
    return 0;
}

int main(void)
{
    return drop_privileges(65534, 65534) == 0 ? 0 : 1;
}
