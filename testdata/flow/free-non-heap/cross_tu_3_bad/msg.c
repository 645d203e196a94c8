/* msg.c: finishing a message wipes its body and hands it back to the body allocator */
#include <string.h>
#include "msg.h"

void msg_finish(char *body, size_t len)
{
    memset(body, 0, len);
    body_release(body);
}
