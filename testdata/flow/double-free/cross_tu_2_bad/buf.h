#ifndef BUF_H
#define BUF_H
char *buf_new(unsigned n);
void buf_drop(char *b);
#endif
