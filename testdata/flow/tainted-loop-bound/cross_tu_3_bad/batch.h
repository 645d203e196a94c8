#ifndef BATCH_H
#define BATCH_H
#include <stdint.h>
int read_batch_size(int sock, uint32_t *n);
int ack_batch(int sock, uint32_t n);
#endif
