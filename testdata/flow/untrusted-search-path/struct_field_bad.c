/* thumbnailer: each image type has a record naming its converter */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct converter {
    const char *ext;
    const char *program;
};

int make_thumbnail(const char *image, const char *thumb)
{
    struct converter conv;
    pid_t pid;
    int status;

    conv.ext = strrchr(image, '.');
    conv.program = "convert";
    pid = fork();
    if (pid == 0) {
        execlp(conv.program, conv.program, image, "-resize", "128x128", thumb, (char *)NULL); // flaw
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return status;
}
