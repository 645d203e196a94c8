/* gallery: makes a thumbnail with the image converter */
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tools.h"

int make_thumb(const char *src, const char *dst)
{
    int status;
    pid_t pid = fork();

    if (pid == 0) {
        execlp(image_converter, "convert", src, "-resize", "128x128", dst, (char *)NULL);
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return status;
}
