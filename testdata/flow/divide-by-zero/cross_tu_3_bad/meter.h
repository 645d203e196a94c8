#ifndef METER_H
#define METER_H
#include <stdint.h>
struct sample { uint32_t bytes; uint32_t seconds; };
int read_sample(int sock, struct sample *s);
uint32_t throughput(uint32_t bytes, uint32_t seconds);
#endif
