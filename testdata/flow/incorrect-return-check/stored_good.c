/* ack sender: writes a one-byte acknowledgement to a peer's descriptor */
#include <unistd.h>

int send_ack(int fd)
{
    const char ack = 0x06;
    ssize_t n = write(fd, &ack, 1);

    if (n < 0)
        return -1;
    return 0;
}

int main(void)
{
    return send_ack(1) == 0 ? 0 : 1;
}
