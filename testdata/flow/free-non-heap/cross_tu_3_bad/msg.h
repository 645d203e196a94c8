#ifndef MSG_H
#define MSG_H
#include <stddef.h>
void body_release(char *body);
void msg_finish(char *body, size_t len);
#endif
