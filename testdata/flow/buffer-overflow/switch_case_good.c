/* the size of a field chosen by its kind: every case fits the buffer */
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
        n = 6;
        break;
    default:
        n = 8;
        break;
    }
    memcpy(field, src, n);
    (void)field;
}
