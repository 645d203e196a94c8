#include "stats.h"

int average_ms(int total_ms, int samples)
{
    return total_ms / samples; // flaw
}
