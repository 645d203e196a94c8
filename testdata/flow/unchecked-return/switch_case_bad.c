/* job runner: each job kind starts in its own working directory */
#include <stdio.h>
#include <unistd.h>

enum kind { JOB_BUILD, JOB_TEST, JOB_CLEAN };

int start_job(enum kind k)
{
    switch (k) {
    case JOB_BUILD:
        if (chdir("/srv/demo/build") != 0)
            return -1;
        break;
    case JOB_TEST:
        chdir("/srv/demo/test"); // flaw
        break;
    default:
        return -1;
    }
    return remove("stale.lock") == 0 ? 0 : 1;
}

int main(void)
{
    return start_job(JOB_TEST) == 0 ? 0 : 1;
}
