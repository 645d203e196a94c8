#ifndef PRIV_H
#define PRIV_H
#include <sys/types.h>
int become_user(uid_t uid);
#endif
