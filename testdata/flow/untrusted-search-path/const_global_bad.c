/* log viewer: compresses the exported log, by PATH lookup or by the system gzip */
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int lookup_tools_in_path = 1;

int gzip_file(const char *file)
{
    int status;
    pid_t pid = fork();

    if (pid < 0)
        return -1;
    if (pid == 0) {
        if (lookup_tools_in_path)
            execlp("gzip", "gzip", "-f", file, (char *)NULL); // flaw
        else
            execl("/bin/gzip", "gzip", "-f", file, (char *)NULL);
        _exit(127);
    }
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(void)
{
    return gzip_file("/tmp/export.log") == 0 ? 0 : 1;
}
