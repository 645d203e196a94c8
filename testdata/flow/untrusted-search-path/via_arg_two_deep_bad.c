/* mirror job: starts rsync through a small spawn helper */
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int spawn(const char *prog, char *const argv[])
{
    int status;
    pid_t pid = fork();

    if (pid < 0)
        return -1;
    if (pid == 0) {
        execvp(prog, argv); // flaw
        _exit(127);
    }
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int run_tool(const char *prog, char *const argv[])
{
    return spawn(prog, argv);
}

int main(void)
{
    char *const argv[] = { "rsync", "-a", "/srv/data/", "mirror:/srv/data/", NULL };

    return run_tool("rsync", argv) == 0 ? 0 : 1;
}
