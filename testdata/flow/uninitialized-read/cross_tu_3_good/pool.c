/* pool.c: hands out blocks for output lines */
#include <stdlib.h>
#include "line.h"

char *pool_get(void)
{
    return malloc(LINE_MAX_LEN);
}
