/* config: a port chosen by mode, with a default for unknown modes */
#include <stdio.h>

void print_port(int mode)
{
    int port;

    if (mode == 1)
        port = 80;
    else
        port = 8080;
    printf("port %d\n", port);
}
