/* log shipper: copies one chunk of a spool file to standard output */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int ship(const char *spool)
{
    char chunk[512];
    ssize_t got, len;
    int fd = open(spool, O_RDONLY);

    if (fd < 0)
        return -1;
    got = read(fd, chunk, sizeof(chunk)); // flaw
    len = got;
    fwrite(chunk, 1, (size_t)len, stdout);
    close(fd);
    return 0;
}

int main(void)
{
    return ship("/var/spool/demo/out.log") == 0 ? 0 : 1;
}
