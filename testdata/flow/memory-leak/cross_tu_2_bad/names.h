#ifndef NAMES_H
#define NAMES_H
char *name_lower(const char *s);
void name_drop(char *name);
#endif
