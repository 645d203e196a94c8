#ifndef POOL_H
#define POOL_H
struct item {
    int key;
    int hits;
};
struct item *item_new(int key);
void item_put(struct item *it);
#endif
