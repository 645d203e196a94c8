/* bandwidth meter: agents report bytes moved over an interval */
#include <stdio.h>
#include "meter.h"

int handle_agent(int sock)
{
    struct sample s;

    if (read_sample(sock, &s) != 0)
        return -1;
    printf("agent rate: %u B/s\n", throughput(s.bytes, s.seconds));
    return 0;
}
