/* status probe: reads a short status word from a device file and prints it */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int probe(const char *dev)
{
    char buf[32];
    int fd = open(dev, O_RDONLY);
    ssize_t n;

    if (fd < 0)
        return -1;
    n = read(fd, buf, sizeof(buf) - 1);
    if (n < 0) {
        close(fd);
        return -1;
    }
    buf[n] = '\0';
    printf("status: %s\n", buf);
    close(fd);
    return 0;
}

int main(void)
{
    return probe("/dev/demo0") == 0 ? 0 : 1;
}
