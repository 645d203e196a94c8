/* service start-up: drops to the service user, any failure aborts the start */
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

int start_service(uid_t uid, gid_t gid)
{
    if (setgid(gid) != 0)
        goto fail;
    if (setuid(uid) != 0)
        goto fail;
    printf("started\n");
    return 0;
fail:
    fprintf(stderr, "cannot drop privileges\n");
    return -1;
}

int main(void)
{
    return start_service(65534, 65534) == 0 ? 0 : 1;
}
