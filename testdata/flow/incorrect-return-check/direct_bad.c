/* report writer: writes a title line and stops when the output fails */
#include <stdio.h>

int write_title(FILE *out, const char *title)
{
    if (fputs(title, out) == 0) // flaw
        return -1;
    if (fputc('\n', out) == EOF)
        return -1;
    return 0;
}

int main(void)
{
    return write_title(stdout, "Monthly report") == 0 ? 0 : 1;
}
