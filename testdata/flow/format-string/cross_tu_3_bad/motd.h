#ifndef MOTD_H
#define MOTD_H
#include <stddef.h>
int load_template(const char *file, char *out, size_t size);
void print_banner(const char *tmpl, const char *host);
#endif
