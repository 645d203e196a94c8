/* frame reader: reads one frame header from a capture file into a small record */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

struct frame {
    unsigned char hdr[16];
    ssize_t got;
};

int read_frame(const char *path)
{
    struct frame fr;
    int fd = open(path, O_RDONLY);

    if (fd < 0)
        return -1;
    fr.got = read(fd, fr.hdr, sizeof(fr.hdr));
    if (fr.got != (ssize_t)sizeof(fr.hdr)) {
        close(fd);
        return -1;
    }
    printf("frame type %u, %zd bytes\n", (unsigned)fr.hdr[0], fr.got);
    close(fd);
    return 0;
}

int main(void)
{
    return read_frame("/var/lib/demo/capture.bin") == 0 ? 0 : 1;
}
