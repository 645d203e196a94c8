#include "meter.h"

uint32_t throughput(uint32_t bytes, uint32_t seconds)
{
    return bytes / seconds;
}
