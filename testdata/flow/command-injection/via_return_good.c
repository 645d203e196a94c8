/* mail gateway: forwards a message to the recipient named in the SMTP envelope */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>

static const char *read_recipient(int sock, char *buf, size_t len)
{
    ssize_t n = recv(sock, buf, len - 1, 0);

    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
    if (buf[0] == '\0' || buf[0] == '-' ||
        buf[strspn(buf, "abcdefghijklmnopqrstuvwxyz0123456789.@_-")] != '\0')
        return NULL;
    return buf;
}

int forward_message(int sock, const char *spool_file)
{
    char rcpt[128];
    char cmd[320];
    const char *to = read_recipient(sock, rcpt, sizeof rcpt);

    if (!to)
        return -1;
    snprintf(cmd, sizeof cmd, "/usr/sbin/sendmail %s < %s", to, spool_file);
    return system(cmd);
}
