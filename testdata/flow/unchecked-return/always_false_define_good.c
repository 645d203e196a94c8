/* sensor reader: the error check is compiled in only when CHECK_IO is set */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#define CHECK_IO 1

int sample(const char *dev)
{
    unsigned char raw[4];
    ssize_t n;
    int fd = open(dev, O_RDONLY);

    if (fd < 0)
        return -1;
    n = read(fd, raw, sizeof(raw));
    if (CHECK_IO) {
        if (n != (ssize_t)sizeof(raw)) {
            close(fd);
            return -1;
        }
    }
    printf("%u\n", (unsigned)raw[0]);
    close(fd);
    return 0;
}

int main(void)
{
    return sample("/dev/demo-sensor") == 0 ? 0 : 1;
}
