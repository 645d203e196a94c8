/* load balancer: chooses a backend for a request */
#include <stdlib.h>

int pick_backend(int mode, int key)
{
    int weight = rand() % 4;

    switch (mode) {
    case 0:
        return key % 8;
    case 1:
        return (key / weight) % 8; // flaw
    default:
        return 0;
    }
}
