#ifndef MSG_H
#define MSG_H
#include <stddef.h>
struct msg {
    unsigned short type;
    unsigned short len;
    char body[60];
};
void *pool_get(size_t n);
struct msg *msg_new(unsigned short type);
#endif
