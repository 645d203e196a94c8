/* pid file: writes the daemon's pid, closing the file on every path */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int write_pidfile(const char *path)
{
    char text[32];
    int len, rc = -1;
    ssize_t n;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    if (fd < 0)
        return -1;
    len = snprintf(text, sizeof(text), "%ld\n", (long)getpid());
    if (len <= 0)
        goto out;
    n = write(fd, text, (size_t)len); // flaw
    printf("pid file: %zd bytes\n", n);
    rc = 0;
    goto out;
out:
    close(fd);
    return rc;
}

int main(void)
{
    return write_pidfile("/run/demo.pid") == 0 ? 0 : 1;
}
