#ifndef CATALOG_H
#define CATALOG_H
const char *catalog_lookup(const char *path);
#endif
