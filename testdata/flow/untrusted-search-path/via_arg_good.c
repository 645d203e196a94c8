/* build helper: runs one build step and reports its status */
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int run_step(const char *program, const char *arg)
{
    pid_t pid = fork();
    int status;

    if (pid == 0) {
        execlp(program, program, arg, (char *)NULL);
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return status;
}

int build(void)
{
    if (run_step("/usr/bin/make", "-j2") != 0) {
        fprintf(stderr, "build failed\n");
        return -1;
    }
    return 0;
}
