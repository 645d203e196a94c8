/* admin menu: shows process or network information */
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int show_info(int choice)
{
    pid_t pid = fork();
    int status;

    if (pid == 0) {
        switch (choice) {
        case 1:
            execl("/usr/bin/uptime", "uptime", (char *)NULL);
            break;
        case 2:
            execlp("ps", "ps", "aux", (char *)NULL); // flaw
            break;
        default:
            break;
        }
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return status;
}
