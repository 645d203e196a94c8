/* file viewer: shows a file through the configured pager */
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *g_pager;

static void init_defaults(void)
{
    g_pager = "less";
}

int page_file(const char *file)
{
    pid_t pid;
    int status;

    init_defaults();
    pid = fork();
    if (pid == 0) {
        execlp(g_pager, g_pager, file, (char *)NULL); // flaw
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return status;
}
