/* log tail: reads the newest chunk of a log and hands it to a printer */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static void print_chunk(const char *buf, ssize_t len)
{
    if (len <= 0)
        return;
    fwrite(buf, 1, (size_t)len, stdout);
    fputc('\n', stdout);
}

int tail_log(const char *path)
{
    char buf[1024];
    ssize_t n;
    int fd = open(path, O_RDONLY);

    if (fd < 0)
        return -1;
    n = read(fd, buf, sizeof(buf));
    print_chunk(buf, n);
    close(fd);
    return 0;
}

int main(void)
{
    return tail_log("/var/log/demo/current") == 0 ? 0 : 1;
}
