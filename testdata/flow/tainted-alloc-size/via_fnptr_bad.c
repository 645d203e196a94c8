/* archive lister: each entry of the index file starts with a 32-bit name length */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_NAME 4096

typedef char *(*name_alloc)(uint32_t len);

char *alloc_name(uint32_t len)
{
    return malloc(len); // flaw
}

char *alloc_name_capped(uint32_t len)
{
    if (len > MAX_NAME)
        return NULL;
    return malloc(len);
}

int list_entry(FILE *idx)
{
    uint32_t len;
    name_alloc get = alloc_name;
    char *name;

    if (fread(&len, sizeof len, 1, idx) != 1 || len == 0)
        return -1;
    name = get(len);
    if (!name || fread(name, 1, len, idx) != len) {
        free(name);
        return -1;
    }
    name[len - 1] = '\0';
    puts(name);
    free(name);
    return 0;
}
