/* print gateway: the client names a printer, the gateway spools a fixed test page */
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include "lp.h"

int serve_print(int sock)
{
    char printer[48];
    ssize_t n = recv(sock, printer, sizeof printer - 1, 0);

    if (n <= 0)
        return -1;
    printer[n] = '\0';
    printer[strcspn(printer, "\r\n")] = '\0';
    return print_to(printer, "/usr/share/gateway/testpage.ps");
}
