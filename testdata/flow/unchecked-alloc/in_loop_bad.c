/* record batch: every record gets a buffer of its own, written without a test */
#include <stdlib.h>
#include <string.h>

#define NREC 8

int batch_init(char *recs[NREC], size_t size)
{
    for (int i = 0; i < NREC; i++) {
        char *r = malloc(size);
        memset(r, 0, size); // flaw
        recs[i] = r;
    }
    return 0;
}
