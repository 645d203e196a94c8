/* journal replayer: skips the number of records the journal header says */
#include <stdint.h>
#include <unistd.h>

#define MAX_SKIP 4096

typedef int (*skipper)(int fd, uint32_t count);

int skip_records(int fd, uint32_t count)
{
    char rec[32];
    uint32_t i;

    for (i = 0; i < count; i++) // flaw
        if (read(fd, rec, sizeof rec) != (ssize_t)sizeof rec)
            return -1;
    return 0;
}

int skip_records_bounded(int fd, uint32_t count)
{
    char rec[32];
    uint32_t i;

    for (i = 0; i < count && i < MAX_SKIP; i++)
        if (read(fd, rec, sizeof rec) != (ssize_t)sizeof rec)
            return -1;
    return 0;
}

int replay(int fd)
{
    uint32_t count;
    skipper skip = skip_records;

    if (read(fd, &count, sizeof count) != (ssize_t)sizeof count)
        return -1;
    return skip(fd, count);
}
