#include <string.h>
#include <sys/socket.h>
#include "conn.h"

ssize_t conn_send_line(int sock, const char *line)
{
    return send(sock, line, strlen(line), 0);
}
