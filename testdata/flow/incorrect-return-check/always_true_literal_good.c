/* banner: prints a banner line, checking the output in the branch that is always taken */
#include <stdio.h>

int banner(FILE *out)
{
    if (0) {
        if (puts("== demo service ==") == 0)
            return -1;
    } else {
        if (puts("== demo service ==") == EOF)
            return -1;
    }
    return fflush(out) == 0 ? 0 : -1;
}

int main(void)
{
    return banner(stdout) == 0 ? 0 : 1;
}
