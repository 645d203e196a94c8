/* cache pruner: removes every cache entry listed in the eviction file */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int prune_cache(FILE *evict)
{
    char entry[128];
    char path[256];
    int removed = 0;

    while (fgets(entry, sizeof entry, evict)) {
        entry[strcspn(entry, "\n")] = '\0';
        if (entry[0] == '\0')
            continue;
        snprintf(path, sizeof path, "/var/cache/app/%s", entry);
        if (unlink(path) == 0) // flaw
            removed++;
    }
    return removed;
}

int main(void)
{
    printf("%d entries removed\n", prune_cache(stdin));
    return 0;
}
