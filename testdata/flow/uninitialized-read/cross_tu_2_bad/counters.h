#ifndef COUNTERS_H
#define COUNTERS_H
#include <stddef.h>
long *counters_new(size_t n);
#endif
