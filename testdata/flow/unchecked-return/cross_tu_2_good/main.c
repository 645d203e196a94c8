/* mail client: says goodbye to the server before closing the connection */
#include <stdio.h>
#include <unistd.h>
#include "conn.h"

int finish_session(int sock)
{
    if (conn_send_line(sock, "RSET\r\n") < 0)
        return -1;
    if (conn_send_line(sock, "QUIT\r\n") < 0) {
        close(sock);
        return -1;
    }
    printf("session closed\n");
    return close(sock);
}

int main(void)
{
    return finish_session(3) == 0 ? 0 : 1;
}
