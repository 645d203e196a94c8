#ifndef CFG_H
#define CFG_H
struct entry {
    const char *key;
    const char *value;
};
const struct entry *table_find(const char *key);
const char *cfg_get(const char *key);
#endif
