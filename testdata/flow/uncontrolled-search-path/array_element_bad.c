/* container shim: the spec sends PATH and HOME for the workload, in that order */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NVARS 2

int apply_spec(int fd)
{
    char vals[NVARS][256];
    int i;

    for (i = 0; i < NVARS; i++) {
        ssize_t n = read(fd, vals[i], sizeof vals[i] - 1);

        if (n <= 0)
            return -1;
        vals[i][n] = '\0';
        vals[i][strcspn(vals[i], "\n")] = '\0';
    }
    if (setenv("HOME", vals[1], 1) != 0)
        return -1;
    return setenv("PATH", vals[0], 1); // flaw
}
