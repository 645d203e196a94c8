/* status line: the old output check is still compiled in while LEGACY_STATUS is set */
#include <stdio.h>

#define LEGACY_STATUS 0

int print_status(FILE *out, const char *state)
{
    if (LEGACY_STATUS) {
        if (fputs(state, out) == 0)
            return -1;
    } else {
        if (fputs(state, out) == EOF)
            return -1;
    }
    return fputc('\n', out) == EOF ? -1 : 0;
}

int main(void)
{
    return print_status(stdout, "ready") == 0 ? 0 : 1;
}
