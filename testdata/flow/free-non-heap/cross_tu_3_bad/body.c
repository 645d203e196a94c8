/* body.c: the body allocator's release, which frees the block it is given */
#include <stdlib.h>
#include "msg.h"

void body_release(char *body)
{
    free(body);
}
