#ifndef LINE_H
#define LINE_H
#define LINE_MAX_LEN 128
char *pool_get(void);
char *line_new(void);
unsigned long lines_made(void);
#endif
