#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tools.h"

int compress_file(const char *file)
{
    int status;
    pid_t pid = fork();

    if (pid < 0)
        return -1;
    if (pid == 0) {
        execlp(compressor, compressor, "-9", "--", file, (char *)NULL);
        _exit(127);
    }
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
