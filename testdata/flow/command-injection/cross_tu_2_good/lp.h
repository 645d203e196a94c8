#ifndef LP_H
#define LP_H
int print_to(const char *printer, const char *file);
#endif
