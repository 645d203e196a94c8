/* log archiver: compresses yesterday's log with the configured compressor */
#include <stdio.h>
#include "tools.h"

int main(void)
{
    if (compress_file("/var/log/app/app.log.1") != 0) {
        fprintf(stderr, "compression failed\n");
        return 1;
    }
    return 0;
}
