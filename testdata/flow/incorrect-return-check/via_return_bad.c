/* line reader: a helper returns what fgets returns; the caller stops at the end */
#include <stdio.h>

static char *next_line(char *buf, int size, FILE *in)
{
    return fgets(buf, size, in);
}

int count_lines(FILE *in)
{
    char buf[256];
    int n = 0;

    for (;;) {
        if (next_line(buf, sizeof(buf), in) < 0) // flaw
            break;
        n++;
    }
    return n;
}

int main(void)
{
    printf("%d\n", count_lines(stdin));
    return 0;
}
