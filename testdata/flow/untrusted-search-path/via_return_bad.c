/* package tool: picks a decompressor by file extension */
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *decompressor_for(const char *file)
{
    const char *dot = strrchr(file, '.');

    if (dot && strcmp(dot, ".xz") == 0)
        return "/usr/bin/unxz";
    return "gunzip";
}

int unpack(const char *file)
{
    const char *tool = decompressor_for(file);
    pid_t pid = fork();
    int status;

    if (pid == 0) {
        execlp(tool, tool, "-k", file, (char *)NULL); // flaw
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return status;
}
