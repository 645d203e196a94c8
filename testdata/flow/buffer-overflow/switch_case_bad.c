/* the size of a field chosen by its kind: one case picks a count larger than the buffer */
#include <string.h>

void fill(const char *src, int kind)
{
    char field[8];
    size_t n;

    switch (kind) {
    case 1:
        n = 4;
        break;
    case 2:
        n = 12;
        break;
    default:
        n = 8;
        break;
    }
    memcpy(field, src, n); // flaw
    (void)field;
}
