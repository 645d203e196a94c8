/* thumbnail worker: the job names the scratch buffer size it needs */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#define SCRATCH_DEFAULT (4u * 1024u * 1024u)

void *scratch_for_job(int fd, uint32_t *size_out)
{
    uint32_t asked;
    uint32_t size = SCRATCH_DEFAULT;

    if (read(fd, &asked, sizeof asked) != (ssize_t)sizeof asked)
        return NULL;
    if (0)
        size = asked;
    *size_out = size;
    return malloc(size);
}
