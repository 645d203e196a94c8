#ifndef USERS_H
#define USERS_H
struct user {
    const char *name;
    int uid;
};
struct user *user_by_name(const char *name);
#endif
