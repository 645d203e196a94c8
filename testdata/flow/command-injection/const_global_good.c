/* archive server: unpacks an uploaded file into the directory the client names */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/wait.h>

int g_use_shell = 0;

int unpack_upload(int sock, const char *archive)
{
    char dest[128];
    char cmd[320];
    pid_t pid;
    int status;
    ssize_t n = recv(sock, dest, sizeof dest - 1, 0);

    if (n <= 0)
        return -1;
    dest[n] = '\0';
    dest[strcspn(dest, "\r\n")] = '\0';
    if (g_use_shell) {
        snprintf(cmd, sizeof cmd, "/bin/tar xzf %s -C %s", archive, dest);
        return system(cmd);
    }
    pid = fork();
    if (pid == 0) {
        execl("/bin/tar", "tar", "xzf", archive, "-C", dest, (char *)NULL);
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return status;
}
