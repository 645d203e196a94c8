#ifndef PPM_H
#define PPM_H
#include <stdio.h>
int ppm_read_size(FILE *fp, unsigned int *w, unsigned int *h);
#endif
