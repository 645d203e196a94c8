/* hex dump: writes every byte as two digits, stopping when the output fails */
#include <stdio.h>

int dump(FILE *out, const unsigned char *p, size_t n)
{
    static const char digits[] = "0123456789abcdef";

    for (size_t i = 0; i < n; i++) {
        if (fputc(digits[p[i] >> 4], out) == EOF)
            return -1;
        if (fputc(digits[p[i] & 15], out) == EOF)
            return -1;
    }
    return 0;
}

int main(void)
{
    const unsigned char data[] = {0xde, 0xad};
    return dump(stdout, data, sizeof(data)) == 0 ? 0 : 1;
}
