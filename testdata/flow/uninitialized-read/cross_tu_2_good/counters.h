#ifndef COUNTERS_H
#define COUNTERS_H
#define NCOUNTERS 8
long *counters_new(void);
#endif
