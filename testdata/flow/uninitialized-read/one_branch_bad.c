/* config: a port chosen by mode, with no value when the mode is unknown */
#include <stdio.h>

void print_port(int mode)
{
    int port;

    if (mode == 1)
        port = 80;
    printf("port %d\n", port); // flaw
}
