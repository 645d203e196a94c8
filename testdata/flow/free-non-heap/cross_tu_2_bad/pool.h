#ifndef POOL_H
#define POOL_H
void pool_release(void *block);
#endif
