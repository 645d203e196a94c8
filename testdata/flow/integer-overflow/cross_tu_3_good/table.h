#ifndef TABLE_H
#define TABLE_H
#include <stdint.h>
struct entry { uint32_t key; uint32_t value; uint64_t stamp; };
int read_count(int sock, uint32_t *count);
struct entry *make_table(uint32_t count);
#endif
