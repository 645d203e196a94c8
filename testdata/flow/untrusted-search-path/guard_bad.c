/* mail client: opens attachments with the viewer the mailcap table names */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *viewer_for(const char *type)
{
    if (strcmp(type, "application/pdf") == 0)
        return "/usr/bin/evince";
    if (strcmp(type, "image/png") == 0)
        return "/usr/bin/eog";
    return "xdg-open";
}

int view_attachment(const char *type, const char *file)
{
    const char *viewer = viewer_for(type);
    pid_t pid;
    int status;

    pid = fork();
    if (pid == 0) {
        execlp(viewer, viewer, file, (char *)NULL); // flaw
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return status;
}
