#ifndef STATS_H
#define STATS_H
int average_ms(int total_ms, int samples);
#endif
