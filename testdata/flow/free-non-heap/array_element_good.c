/* argument vector: the program name is a literal, the rest are heap copies, and only those are freed */
#include <stdlib.h>
#include <string.h>

#define MAXARGS 4

int run_args(const char *a, const char *b)
{
    char *argv_[MAXARGS];
    int n = 0, i;

    argv_[n++] = "worker";
    argv_[n++] = strdup(a);
    argv_[n++] = strdup(b);
    argv_[n] = NULL;
    if (!argv_[1] || !argv_[2])
        n = -1;
    free(argv_[2]);
    free(argv_[1]);
    for (i = 0; i < MAXARGS; i++)
        argv_[i] = NULL;
    return n;
}
