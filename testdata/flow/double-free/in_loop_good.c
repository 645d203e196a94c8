/* batch sender: each message buffer is freed once, the last one after the loop */
#include <stdlib.h>
#include <string.h>

void send_batch(int count)
{
    char *msg = NULL;
    int i;

    for (i = 0; i < count; i++) {
        if (msg)
            free(msg);
        msg = malloc(32);
        if (!msg)
            return;
        memset(msg, 'x', 31);
        msg[31] = '\0';
    }
    free(msg);
}
