/* record batch: every record's buffer is tested in the loop before it is written */
#include <stdlib.h>
#include <string.h>

#define NREC 8

int batch_init(char *recs[NREC], size_t size)
{
    for (int i = 0; i < NREC; i++) {
        char *r = malloc(size);
        if (!r)
            return -1;
        memset(r, 0, size);
        recs[i] = r;
    }
    return 0;
}
