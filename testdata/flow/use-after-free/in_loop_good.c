/* batch parser: the id is kept before each record is freed */
#include <stdlib.h>
#include <string.h>

struct rec {
    int id;
    char name[16];
};

int last_id(int count)
{
    struct rec *r;
    int i, last = 0;

    for (i = 0; i < count; i++) {
        r = malloc(sizeof *r);
        if (!r)
            return -1;
        r->id = i;
        strcpy(r->name, "record");
        last = r->id;
        free(r);
    }
    return last;
}
