/* log indexer: reads a record count from stdin and allocates the index */
#include <stdio.h>
#include <stdlib.h>

struct rec { long offset; int len; int flags; };

typedef void *(*allocator)(unsigned int n, unsigned int size);

void *alloc_plain(unsigned int n, unsigned int size)
{
    return malloc(n * size);
}

void *alloc_checked(unsigned int n, unsigned int size)
{
    return calloc(n, size);
}

int main(void)
{
    unsigned int count;
    allocator get = alloc_checked;
    struct rec *index;

    if (scanf("%u", &count) != 1)
        return 1;
    index = get(count, (unsigned int)sizeof(struct rec));
    if (!index)
        return 1;
    printf("index for %u records ready\n", count);
    free(index);
    return 0;
}
