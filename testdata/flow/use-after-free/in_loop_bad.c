/* batch parser: each record is freed inside the loop, the summary after it reads the last one */
#include <stdlib.h>
#include <string.h>

struct rec {
    int id;
    char name[16];
};

int last_id(int count)
{
    struct rec *r = NULL;
    int i;

    for (i = 0; i < count; i++) {
        r = malloc(sizeof *r);
        if (!r)
            return -1;
        r->id = i;
        strcpy(r->name, "record");
        free(r);
    }
    if (!r)
        return 0;
    return r->id; // flaw
}
