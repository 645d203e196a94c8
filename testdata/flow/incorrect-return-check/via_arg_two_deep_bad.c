/* job runner: the chdir result goes through a reporting layer to the checker */
#include <stdio.h>
#include <unistd.h>

static int step_failed(int rc)
{
    return rc > 0; // flaw
}

static int report_step(const char *what, int rc)
{
    if (step_failed(rc)) {
        fprintf(stderr, "%s failed\n", what);
        return -1;
    }
    return 0;
}

int enter_jobdir(const char *dir)
{
    int rc = chdir(dir);

    if (report_step("chdir", rc) != 0)
        return -1;
    printf("in %s\n", dir);
    return 0;
}

int main(void)
{
    return enter_jobdir("/srv/demo/jobs") == 0 ? 0 : 1;
}
