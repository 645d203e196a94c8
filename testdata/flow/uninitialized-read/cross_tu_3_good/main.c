/* main.c: builds a message and prints its header */
#include <stdio.h>
#include <stdlib.h>
#include "msg.h"

int main(void)
{
    struct msg *m = msg_new(3);

    if (m == NULL)
        return 1;
    printf("type %u len %u\n", m->type, m->len);
    free(m);
    return 0;
}
