/* protocol: the header size of a message kind; unknown kinds fall through the switch */
#include <stdio.h>

int header_size(int kind)
{
    int size;

    switch (kind) {
    case 1:
        size = 8;
        break;
    case 2:
        size = 16;
        break;
    }
    return size; // flaw
}
